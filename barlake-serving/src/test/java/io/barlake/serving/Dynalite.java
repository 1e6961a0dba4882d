package io.barlake.serving;

import io.barlake.serving.dynamodb.DynamoDbKeys;
import io.barlake.serving.dynamodb.DynamoDbLimits;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * A DynamoDB-protocol server for the tests: dynalite (npm, open source, in memory) on loopback,
 * installed from the project's own package-lock.json with {@code npm ci} when missing, with the
 * limits and keys tables the CDK app creates (their keys only: DynamoDB has no other schema).
 */
public final class Dynalite implements AutoCloseable {
    public static final String LIMITS = "barlake-test-limits";
    public static final String KEYS = "barlake-test-keys";

    private final Process process;
    public final String endpoint;

    private Dynalite(Process process, String endpoint) {
        this.process = process;
        this.endpoint = endpoint;
    }

    public static Dynalite start() throws IOException, InterruptedException {
        Path root = Path.of("..").toAbsolutePath().normalize();
        Path cli = root.resolve("node_modules/dynalite/cli.js");
        if (!Files.exists(cli)) {
            Process install = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund").directory(root.toFile())
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!install.waitFor(5, TimeUnit.MINUTES) || install.exitValue() != 0) {
                throw new IllegalStateException("npm ci failed in " + root);
            }
        }
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        Process process = new ProcessBuilder("node", cli.toString(), "--host", "127.0.0.1", "--port", Integer.toString(port),
                "--createTableMs", "0").redirectErrorStream(true).start();
        BufferedReader output = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String line = output.readLine();
        if (line == null || !line.contains("listening")) {
            process.destroyForcibly();
            throw new IllegalStateException("dynalite did not start: " + line);
        }
        Dynalite dynalite = new Dynalite(process, "http://127.0.0.1:" + port);
        try (DynamoDbClient client = io.barlake.serving.dynamodb.DynamoDbTables.client(dynalite.environment())) {
            for (String[] table : new String[][] {{LIMITS, DynamoDbLimits.KEY}, {KEYS, DynamoDbKeys.HASH}}) {
                client.createTable(request -> request.tableName(table[0]).billingMode(BillingMode.PAY_PER_REQUEST)
                        .attributeDefinitions(AttributeDefinition.builder().attributeName(table[1]).attributeType(ScalarAttributeType.S).build())
                        .keySchema(KeySchemaElement.builder().attributeName(table[1]).keyType(KeyType.HASH).build()));
            }
        }
        return dynalite;
    }

    /** What an API instance is given to use these tables. */
    public Map<String, String> environment() {
        return Map.of("AWS_ENDPOINT_URL_DYNAMODB", endpoint, "AWS_REGION", "us-east-1", "AWS_ACCESS_KEY_ID", "AKIDEXAMPLE",
                "AWS_SECRET_ACCESS_KEY", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
                io.barlake.serving.dynamodb.DynamoDbTables.LIMITS_TABLE, LIMITS, io.barlake.serving.dynamodb.DynamoDbTables.KEYS_TABLE, KEYS);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }

}
