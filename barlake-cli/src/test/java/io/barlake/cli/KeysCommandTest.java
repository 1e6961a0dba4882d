package io.barlake.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.barlake.serving.Dynalite;
import io.barlake.serving.access.ApiKeys;
import io.barlake.serving.dynamodb.DynamoDbTables;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code barlake keys} on a DynamoDB-protocol server (dynalite): a key issued is printed once and
 * found by its hash, listed by name and first characters without the key, and revoked by name;
 * bad names and a revoke of nobody are one line each.
 */
class KeysCommandTest {
    static Dynalite dynalite;

    @BeforeAll
    static void start() throws Exception {
        dynalite = Dynalite.start();
    }

    @AfterAll
    static void stop() throws Exception {
        dynalite.close();
    }

    @Test
    void aKeyIsIssuedOnceListedWithoutItselfAndRevokedByName() {
        Map<String, String> environment = new HashMap<>(dynalite.environment());
        CliRun created = CliRun.execute(environment, "keys", "create", "desk-1");
        assertThat(created.exitCode()).as(created.err()).isZero();
        String key = created.out().strip();
        assertThat(key).matches("bl_[A-Za-z0-9_-]{43}");
        assertThat(created.err()).contains("shown only now");
        assertThat(DynamoDbTables.keys(environment, Dynalite.KEYS, CliRun.CLOCK).nameOf(ApiKeys.hash(key))).hasValue("desk-1");

        CliRun listed = CliRun.execute(environment, "keys", "list", "--table", Dynalite.KEYS);
        assertThat(listed.exitCode()).isZero();
        assertThat(listed.out()).contains("desk-1", key.substring(0, 7) + "…", "issued 2025-06-03T12:00:00Z").doesNotContain(key);

        CliRun rotated = CliRun.execute(environment, "keys", "rotate", "desk-1");
        assertThat(rotated.exitCode()).as(rotated.err()).isZero();
        String newKey = rotated.out().strip();
        assertThat(newKey).matches("bl_[A-Za-z0-9_-]{43}").isNotEqualTo(key);
        assertThat(DynamoDbTables.keys(environment, Dynalite.KEYS, CliRun.CLOCK).nameOf(ApiKeys.hash(key))).as("the old key").isEmpty();
        assertThat(DynamoDbTables.keys(environment, Dynalite.KEYS, CliRun.CLOCK).nameOf(ApiKeys.hash(newKey))).hasValue("desk-1");
        key = newKey;

        CliRun revoked = CliRun.execute(environment, "keys", "revoke", "desk-1");
        assertThat(revoked.exitCode()).isZero();
        assertThat(revoked.out()).isEqualTo("Revoked 1 key of desk-1; they stop working within 60 s." + System.lineSeparator());
        assertThat(CliRun.execute(environment, "keys", "list").out().lines().filter(line -> line.startsWith("desk-1")))
                .hasSize(2).allSatisfy(line -> assertThat(line).contains("revoked 2025-06-03T12:00:00Z"));
        assertThat(DynamoDbTables.keys(environment, Dynalite.KEYS, CliRun.CLOCK).nameOf(ApiKeys.hash(key))).isEmpty();

        CliRun nothingToRotate = CliRun.execute(environment, "keys", "rotate", "desk-1");
        assertThat(nothingToRotate.exitCode()).isEqualTo(2);
        assertThat(nothingToRotate.errLines()).singleElement().asString().contains("no valid key of that name to rotate");
        CliRun again = CliRun.execute(environment, "keys", "revoke", "desk-1");
        assertThat(again.exitCode()).isEqualTo(2);
        assertThat(again.errLines()).singleElement().asString().contains("no valid key of that name");
        CliRun badName = CliRun.execute(environment, "keys", "create", "a name");
        assertThat(badName.exitCode()).isEqualTo(2);
        assertThat(badName.errLines()).singleElement().asString().contains("1 to 64 letters, digits");
    }
}
