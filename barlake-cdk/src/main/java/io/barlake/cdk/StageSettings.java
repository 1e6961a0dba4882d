package io.barlake.cdk;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import software.constructs.Node;

/**
 * What one deployment differs in, read from the CDK context ({@code -c key=value} or
 * {@code cdk.json}): the stage, who gets the failure e-mails, when the nightly run starts, and
 * whether the Batch image is built from this tree or pinned by digest in ECR.
 *
 * @param stage           {@code staging} or {@code prod}
 * @param alertEmail      the address subscribed to the failure topic
 * @param schedule        the EventBridge schedule expression of the nightly run
 * @param imageRepository an ECR repository name, with {@code imageDigest}
 * @param imageDigest     {@code sha256:…} of the image to run, or empty to build the project's Dockerfile
 * @param root            the project folder: the Dockerfile and the Lambda jars are found from it
 */
public record StageSettings(String stage, String alertEmail, String schedule, Optional<String> imageRepository,
        Optional<String> imageDigest, Path root) {
    /** After the close on weekdays: 21:05 UTC is 16:05 or 17:05 in New York. */
    public static final String DEFAULT_SCHEDULE = "cron(5 21 ? * MON-FRI *)";
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern DIGEST = Pattern.compile("sha256:[0-9a-f]{64}");
    private static final Pattern SCHEDULE = Pattern.compile("(cron|rate)\\(.+\\)");

    public StageSettings {
        if (!stage.equals("staging") && !stage.equals("prod")) {
            throw new IllegalArgumentException("Context 'stage' must be staging or prod, not '" + stage + "'");
        }
        if (!EMAIL.matcher(alertEmail).matches()) {
            throw new IllegalArgumentException("Context 'alertEmail' must be an e-mail address, not '" + alertEmail
                    + "': cdk deploy -c alertEmail=you@example.com");
        }
        if (!SCHEDULE.matcher(schedule).matches()) {
            throw new IllegalArgumentException("Context 'schedule' must be an EventBridge cron(…) or rate(…) expression, not '"
                    + schedule + "'");
        }
        if (imageDigest.isPresent() && !DIGEST.matcher(imageDigest.get()).matches()) {
            throw new IllegalArgumentException("Context 'imageDigest' must be sha256: and 64 hex digits, not '"
                    + imageDigest.get() + "'");
        }
        if (imageDigest.isPresent() != imageRepository.isPresent()) {
            throw new IllegalArgumentException("Contexts 'imageDigest' and 'imageRepository' go together: "
                    + "-c imageRepository=barlake -c imageDigest=sha256:…");
        }
    }

    /** The settings from the context; only {@code alertEmail} has no default. */
    public static StageSettings fromContext(Node node) {
        String email = text(node, "alertEmail").orElseThrow(() -> new IllegalArgumentException(
                "Context 'alertEmail' is missing: cdk deploy -c alertEmail=you@example.com"));
        return new StageSettings(text(node, "stage").orElse("staging").toLowerCase(Locale.ROOT), email,
                text(node, "schedule").orElse(DEFAULT_SCHEDULE), text(node, "imageRepository"), text(node, "imageDigest"),
                Path.of(text(node, "projectRoot").orElse(".")).toAbsolutePath().normalize());
    }

    private static Optional<String> text(Node node, String key) {
        Object value = node.tryGetContext(key);
        return value == null || value.toString().isBlank() ? Optional.empty() : Optional.of(value.toString().strip());
    }

    public boolean production() {
        return stage.equals("prod");
    }

    /** The stage's name prefix for resources a person looks for: {@code barlake-staging-…}. */
    public String prefix() {
        return "barlake-" + stage;
    }

    /** The shaded Lambda jar a module's build leaves in its {@code target} folder. */
    public Path lambdaJar(String module) {
        Path target = root.resolve(module).resolve("target");
        try (var files = Files.list(target)) {
            return files.filter(path -> path.getFileName().toString().endsWith("-lambda.jar")).findFirst()
                    .orElseThrow(() -> missingJar(module));
        } catch (java.io.IOException e) {
            throw missingJar(module);
        }
    }

    private IllegalStateException missingJar(String module) {
        return new IllegalStateException("No Lambda jar in " + root.relativize(root.resolve(module).resolve("target"))
                + ": build it first with ./mvnw -DskipTests package");
    }
}
