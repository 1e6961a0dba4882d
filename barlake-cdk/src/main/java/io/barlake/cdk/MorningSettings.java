package io.barlake.cdk;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import software.constructs.Node;

/**
 * The opt-in morning e-mail and narrative, from the CDK context. The morning topic always exists
 * (a topic without subscribers costs nothing); {@code morningEmail} subscribes an address to it.
 * {@code morningSesFrom} (an address or domain SES has verified) with {@code morningSesTo} sends
 * the HTML report through SES instead. {@code narrativeModel} (e.g. {@code amazon.nova-lite-v1:0})
 * lets a Bedrock model write the e-mail's narrative (docs/cost.md).
 *
 * @param email the address subscribed to the morning topic
 * @param sesFrom the verified SES sender
 * @param sesTo the SES recipients
 * @param narrativeModel the Bedrock model id
 */
public record MorningSettings(Optional<String> email, Optional<String> sesFrom, List<String> sesTo,
        Optional<String> narrativeModel) {
    private static final Pattern EMAIL = Pattern.compile("[^@\\s,]+@[^@\\s,]+\\.[^@\\s,]+");
    private static final Pattern MODEL = Pattern.compile("[a-z0-9.-]+\\.[a-z0-9.:-]+");

    public MorningSettings {
        sesTo = List.copyOf(sesTo);
        for (String address : email.map(List::of).orElse(List.of())) {
            requireAddress("morningEmail", address);
        }
        if (sesFrom.isPresent() != !sesTo.isEmpty()) {
            throw new IllegalArgumentException("Contexts 'morningSesFrom' and 'morningSesTo' go together: "
                    + "-c morningSesFrom=market@example.com -c morningSesTo=you@example.com,desk@example.com");
        }
        sesFrom.ifPresent(address -> requireAddress("morningSesFrom", address));
        sesTo.forEach(address -> requireAddress("morningSesTo", address));
        if (narrativeModel.isPresent() && !MODEL.matcher(narrativeModel.get()).matches()) {
            throw new IllegalArgumentException("Context 'narrativeModel' must be a Bedrock model id such as amazon.nova-lite-v1:0, not '"
                    + narrativeModel.get() + "'");
        }
    }

    public static MorningSettings fromContext(Node node) {
        return new MorningSettings(text(node, "morningEmail"), text(node, "morningSesFrom"),
                text(node, "morningSesTo").map(to -> Arrays.stream(to.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList())
                        .orElse(List.of()), text(node, "narrativeModel"));
    }

    /** The sender's domain: SES may have verified the domain rather than the address. */
    String sesDomain() {
        return sesFrom.map(address -> address.substring(address.indexOf('@') + 1)).orElseThrow();
    }

    private static void requireAddress(String key, String address) {
        if (!EMAIL.matcher(address).matches()) {
            throw new IllegalArgumentException("Context '" + key + "' must be an e-mail address, not '" + address + "'");
        }
    }

    private static Optional<String> text(Node node, String key) {
        Object value = node.tryGetContext(key);
        return value == null || value.toString().isBlank() ? Optional.empty() : Optional.of(value.toString().strip());
    }
}
