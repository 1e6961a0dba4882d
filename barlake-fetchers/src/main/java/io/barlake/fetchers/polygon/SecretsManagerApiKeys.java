package io.barlake.fetchers.polygon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.barlake.lake.store.InvalidSettingException;
import java.io.IOException;
import java.util.function.Function;
import java.util.function.Supplier;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * Reads the Polygon key from AWS Secrets Manager ({@code POLYGON_API_KEY_SECRET_ARN}). The secret
 * is either the bare key or a JSON object with a {@code POLYGON_API_KEY} (or {@code apiKey})
 * field. Errors name the ARN, never the value.
 */
public final class SecretsManagerApiKeys implements Function<String, ApiKey> {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Supplier<SecretsManagerClient> clients;

    public SecretsManagerApiKeys(Supplier<SecretsManagerClient> clients) {
        this.clients = clients;
    }

    /** Resolves with a client built from the default AWS configuration (region and role of the Lambda). */
    public static SecretsManagerApiKeys usingDefaultClient() {
        return new SecretsManagerApiKeys(SecretsManagerClient::create);
    }

    @Override
    public ApiKey apply(String secretArn) {
        String secret;
        try (SecretsManagerClient client = clients.get()) {
            secret = client.getSecretValue(request -> request.secretId(secretArn)).secretString();
        } catch (SdkException e) {
            throw new InvalidSettingException(PolygonSettings.KEY_SECRET_ARN, secretArn,
                    "cannot read the secret (" + e.getClass().getSimpleName() + ")");
        }
        if (secret == null || secret.isBlank()) {
            throw new InvalidSettingException(PolygonSettings.KEY_SECRET_ARN, secretArn, "the secret has no string value");
        }
        String value = secret.strip();
        if (value.startsWith("{")) {
            try {
                JsonNode root = JSON.readTree(value);
                JsonNode field = root.hasNonNull(PolygonSettings.MASSIVE_KEY) ? root.get(PolygonSettings.MASSIVE_KEY)
                        : root.hasNonNull(PolygonSettings.KEY) ? root.get(PolygonSettings.KEY) : root.get("apiKey");
                if (field == null || !field.isTextual()) {
                    throw new InvalidSettingException(PolygonSettings.KEY_SECRET_ARN, secretArn,
                            "the secret is JSON without a MASSIVE_API_KEY, POLYGON_API_KEY or apiKey field");
                }
                value = field.asText();
            } catch (IOException e) {
                throw new InvalidSettingException(PolygonSettings.KEY_SECRET_ARN, secretArn, "the secret is not valid JSON");
            }
        }
        try {
            return ApiKey.of(value);
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingException(PolygonSettings.KEY_SECRET_ARN, secretArn, e.getMessage());
        }
    }
}
