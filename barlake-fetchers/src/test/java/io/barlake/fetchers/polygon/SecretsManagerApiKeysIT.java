package io.barlake.fetchers.polygon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.barlake.lake.store.InvalidSettingException;
import java.net.URI;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * The real AWS SDK Secrets Manager client (2.54 on a 2.55 core, see the parent POM) against a
 * local server answering in Secrets Manager's JSON protocol.
 */
class SecretsManagerApiKeysIT {
    private static final String ARN = "arn:aws:secretsmanager:us-east-1:123456789012:secret:barlake/polygon-AbCdEf";
    private MockWebServer server;
    private SecretsManagerApiKeys keys;

    @BeforeEach
    void start() throws Exception {
        server = new MockWebServer();
        server.start();
        keys = new SecretsManagerApiKeys(() -> SecretsManagerClient.builder()
                .endpointOverride(URI.create(server.url("/").toString()))
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("id", "secret")))
                .build());
    }

    @AfterEach
    void stop() throws Exception {
        server.shutdown();
    }

    private void answer(String secretString) {
        server.enqueue(new MockResponse().setHeader("Content-Type", "application/x-amz-json-1.1")
                .setBody("{\"ARN\":\"" + ARN + "\",\"Name\":\"barlake/polygon\",\"SecretString\":" + secretString
                        + ",\"VersionId\":\"v1\",\"VersionStages\":[\"AWSCURRENT\"],\"CreatedDate\":1.7E9}"));
    }

    @Test
    void aBareSecretIsTheKey() throws Exception {
        answer("\"pk_live_123\"");
        assertThat(keys.apply(ARN).reveal()).isEqualTo("pk_live_123");
        RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
        assertThat(request.getHeader("X-Amz-Target")).isEqualTo("secretsmanager.GetSecretValue");
        assertThat(request.getBody().readUtf8()).contains("\"SecretId\":\"" + ARN + "\"");
    }

    @Test
    void aJsonSecretHoldsTheKeyInAField() {
        answer("\"{\\\"POLYGON_API_KEY\\\":\\\"pk_json_456\\\"}\"");
        assertThat(keys.apply(ARN).reveal()).isEqualTo("pk_json_456");
    }

    @Test
    void failuresNameTheArnButNeverAValue() {
        answer("\"{\\\"other\\\":\\\"pk_hidden_789\\\"}\"");
        assertThatThrownBy(() -> keys.apply(ARN)).isInstanceOf(InvalidSettingException.class)
                .hasMessage("Invalid POLYGON_API_KEY_SECRET_ARN '" + ARN + "': the secret is JSON without a MASSIVE_API_KEY, POLYGON_API_KEY or apiKey field")
                .hasMessageNotContaining("pk_hidden_789");
        server.enqueue(new MockResponse().setResponseCode(400).setHeader("Content-Type", "application/x-amz-json-1.1")
                .setBody("{\"__type\":\"ResourceNotFoundException\",\"message\":\"Secrets Manager can't find the specified secret.\"}"));
        assertThatThrownBy(() -> keys.apply(ARN)).isInstanceOf(InvalidSettingException.class)
                .hasMessage("Invalid POLYGON_API_KEY_SECRET_ARN '" + ARN + "': cannot read the secret (ResourceNotFoundException)");
    }
}
