package io.barlake.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The module map of DESIGN.md and docs/architecture.md as rules over the compiled main classes of
 * every module on this class path (all but cdk, whose own test checks it): what each module may
 * import, no cycle between packages, Lambda handlers only in {@code *.lambda} packages, and no
 * analytics or alert code in the state machine.
 */
class ArchitectureTest {
    /** Each module's root package and the modules of ours it may import, as DESIGN.md's table says. */
    private static final Map<String, Set<String>> MAY_IMPORT = new LinkedHashMap<>();

    static {
        MAY_IMPORT.put("lake", Set.of());
        MAY_IMPORT.put("fetchers", Set.of("lake"));
        MAY_IMPORT.put("consolidator", Set.of("lake"));
        MAY_IMPORT.put("resampler", Set.of("lake"));
        MAY_IMPORT.put("analytics", Set.of());
        MAY_IMPORT.put("signals", Set.of("lake", "analytics"));
        MAY_IMPORT.put("statemachine", Set.of("lake", "fetchers", "consolidator", "resampler", "signals"));
        MAY_IMPORT.put("serving", Set.of("lake", "fetchers", "analytics", "signals"));
        MAY_IMPORT.put("cli", Set.of("lake", "fetchers", "consolidator", "resampler", "analytics", "signals", "statemachine",
                "serving"));
    }

    private static JavaClasses main;

    @BeforeAll
    static void importMainClasses() {
        main = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(location -> !location.contains("-tests.jar") && !location.contains("/test-classes/"))
                .importPackages("io.barlake");
    }

    @Test
    void everyModuleIsOnTheClassPath() {
        Set<String> found = new TreeSet<>();
        main.forEach(javaClass -> found.add(javaClass.getPackageName().split("\\.")[2]));
        // cdk is checked in its own module; benchmarks import what they measure and are not a layer.
        assertThatContainsEveryModule(found);
    }

    @Test
    void eachModuleImportsOnlyTheModulesItMayImport() {
        for (Map.Entry<String, Set<String>> module : MAY_IMPORT.entrySet()) {
            List<String> forbidden = MAY_IMPORT.keySet().stream()
                    .filter(other -> !other.equals(module.getKey()) && !module.getValue().contains(other))
                    .map(other -> "io.barlake." + other + "..").toList();
            forbidden = new java.util.ArrayList<>(forbidden);
            forbidden.add("io.barlake.cdk..");
            forbidden.add("io.barlake.benchmarks..");
            noClasses().that().resideInAPackage("io.barlake." + module.getKey() + "..")
                    .should().dependOnClassesThat().resideInAnyPackage(forbidden.toArray(String[]::new))
                    .because("DESIGN.md: " + module.getKey() + " may import " + (module.getValue().isEmpty() ? "no module of ours"
                            : String.join(", ", new TreeSet<>(module.getValue()))))
                    .check(main);
        }
    }

    @Test
    void noPackageCycles() {
        slices().matching("io.barlake.(**)").should().beFreeOfCycles().check(main);
    }

    @Test
    void lambdaHandlersLiveInLambdaPackages() {
        classes().that().implement(RequestStreamHandler.class).or().implement(RequestHandler.class)
                .should().resideInAPackage("..lambda")
                .because("a handler's package says it is an entry point the CDK app names").check(main);
    }

    @Test
    void theStateMachineHoldsNoAnalyticsOrAlertCode() {
        noClasses().that().resideInAPackage("io.barlake.statemachine..")
                .should().dependOnClassesThat().resideInAnyPackage("io.barlake.analytics..", "io.barlake.signals.scan..",
                        "io.barlake.signals.series..")
                .because("the scan and the analytics live in signals; the state machine only binds its Lambda handler")
                .check(main);
        noClasses().that().resideInAPackage("io.barlake.statemachine..")
                .should().dependOnClassesThat(com.tngtech.archunit.base.DescribedPredicate.describe("alert rules or their check",
                        javaClass -> javaClass.getPackageName().equals("io.barlake.signals.alerts")
                                && javaClass.getSimpleName().startsWith("Alert")))
                .check(main);
    }

    @Test
    void awsSdkTypesStayInTheStoreTheNotifierAndTheKeyReader() {
        noClasses().that().resideOutsideOfPackages("io.barlake.lake.store..", "..lambda..", "..batch..", "io.barlake.cli.aws..", "io.barlake.serving.dynamodb..")
                .and().haveNameNotMatching("io\\.barlake\\.signals\\.alerts\\.SnsAlertPublisher.*")
                .and().haveNameNotMatching("io\\.barlake\\.fetchers\\.polygon\\.SecretsManagerApiKeys.*")
                .and().haveNameNotMatching("io\\.barlake\\.signals\\.brief\\.(SesMailer|BedrockNarrator|MorningEmail).*")
                .should().dependOnClassesThat().resideInAPackage("software.amazon.awssdk..")
                .because("DESIGN.md: AWS SDK types appear only in the S3 store, Lambda handlers, Batch mains and the SNS "
                        + "notifier (and the vendor key's Secrets Manager reader, the morning e-mail's SES mailer and Bedrock "
                        + "narrator, the command line's driver of the deployed pipeline, io.barlake.cli.aws, and the API's shared limits and keys, "
                        + "io.barlake.serving.dynamodb); services are plain Java")
                .check(main);
    }

    private static void assertThatContainsEveryModule(Set<String> found) {
        org.assertj.core.api.Assertions.assertThat(found).containsAll(MAY_IMPORT.keySet());
    }
}
