package io.barlake.serving;

import static org.assertj.core.api.Assertions.assertThat;

import io.barlake.lake.store.LocalObjectStore;
import io.barlake.serving.access.ApiKeys;
import io.barlake.serving.dynamodb.DynamoDbKeys;
import io.barlake.serving.dynamodb.DynamoDbTables;
import io.barlake.serving.services.QuoteCache;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Limits and keys shared through DynamoDB (dynalite, a DynamoDB-protocol server started here): two
 * API instances, each with its own router and client, hold one daily quota and one token bucket
 * between them, never admit more than the quota even when hammered at once, refill the bucket as
 * time passes, and accept a key issued at run time until it is revoked.
 */
class SharedLimitsTest {
    private static final String KEY = "test-key-for-shared-limits";

    @TempDir
    static Path folder;
    static LocalObjectStore store;
    static Dynalite dynalite;

    @BeforeAll
    static void start() throws Exception {
        store = new LocalObjectStore(folder.resolve("lake"));
        ServingLake.write(store);
        dynalite = Dynalite.start();
    }

    @AfterAll
    static void stop() throws Exception {
        dynalite.close();
    }

    /** One API instance, as the Lambda handler makes it: settings from its environment, its own clients. */
    private static Router instance(String caller, long rate, long burst, long quota, QuoteTest.TestClock clock) {
        Map<String, String> environment = new HashMap<>(dynalite.environment());
        environment.put(ApiKeys.SETTING, caller + "=" + ApiKeys.hash(KEY + caller));
        environment.put(ServingSettings.RATE, Long.toString(rate));
        environment.put(ServingSettings.BURST, Long.toString(burst));
        environment.put(ServingSettings.QUOTA, Long.toString(quota));
        return new Router(ServingSettings.from(environment).router(store, clock, QuoteCache.local(clock)));
    }

    private static Map<String, String> key(String caller) {
        return Map.of("x-api-key", KEY + caller);
    }

    @Test
    void twoInstancesShareOneDailyQuotaAndUsageReadsIt() {
        QuoteTest.TestClock clock = new QuoteTest.TestClock();
        try (FrontDoor first = FrontDoor.lambda(instance("quota", 1000, 1000, 6, clock));
             FrontDoor second = FrontDoor.localServer(instance("quota", 1000, 1000, 6, clock))) {
            for (int i = 0; i < 3; i++) {
                assertThat(first.get("/v1/status", key("quota")).status()).isEqualTo(200);
            }
            FrontDoor.Answer usage = second.get("/v1/usage", key("quota"));
            assertThat(usage.json().path("requests_today").asLong()).as("the other instance's three and this one").isEqualTo(4);
            assertThat(usage.json().path("daily_quota").asLong()).isEqualTo(6);
            assertThat(second.get("/v1/status", key("quota")).status()).isEqualTo(200);
            assertThat(second.get("/v1/status", key("quota")).status()).isEqualTo(200);
            FrontDoor.Answer refused = first.get("/v1/status", key("quota"));
            assertThat(refused.status()).isEqualTo(429);
            assertThat(refused.json().path("error").path("message").asText()).contains("daily quota of 6 requests used up");
            assertThat(refused.headers().get("retry-after")).isEqualTo(Long.toString(12 * 3600)); // 12:00 UTC to midnight
            clock.advance(Duration.ofHours(12));
            assertThat(second.get("/v1/status", key("quota")).status()).as("a new UTC day").isEqualTo(200);
        }
    }

    @Test
    void hammeredFromTwoInstancesAtOnceTheQuotaAdmitsExactlyItsCount() throws Exception {
        QuoteTest.TestClock clock = new QuoteTest.TestClock();
        List<Router> routers = List.of(instance("race", 1000, 1000, 25, clock), instance("race", 1000, 1000, 25, clock));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> admitted = new ArrayList<>();
            for (int thread = 0; thread < 4; thread++) {
                Router router = routers.get(thread % 2);
                admitted.add(pool.submit(() -> {
                    int ok = 0;
                    try (FrontDoor door = FrontDoor.lambda(router)) {
                        for (int i = 0; i < 15; i++) {
                            ok += door.get("/health", Map.of()).status() == 200 && door.get("/v1/usage", key("race")).status() == 200 ? 1 : 0;
                        }
                    }
                    return ok;
                }));
            }
            int total = 0;
            for (Future<Integer> future : admitted) {
                total += future.get();
            }
            assertThat(total).as("60 asked, 25 allowed").isEqualTo(25);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theTokenBucketIsSharedAndRefillsAsTimePasses() {
        QuoteTest.TestClock clock = new QuoteTest.TestClock();
        try (FrontDoor first = FrontDoor.lambda(instance("bucket", 1, 2, 1000, clock));
             FrontDoor second = FrontDoor.lambda(instance("bucket", 1, 2, 1000, clock))) {
            assertThat(first.get("/v1/status", key("bucket")).status()).isEqualTo(200);
            assertThat(second.get("/v1/status", key("bucket")).status()).isEqualTo(200);
            FrontDoor.Answer empty = first.get("/v1/status", key("bucket"));
            assertThat(empty.status()).as("a burst of two between both").isEqualTo(429);
            assertThat(empty.json().path("error").path("message").asText()).contains("rate limit of 1 requests a second");
            assertThat(empty.headers().get("retry-after")).isEqualTo("1");
            clock.advance(Duration.ofMillis(1_000));
            assertThat(second.get("/v1/status", key("bucket")).status()).as("one token back after a second").isEqualTo(200);
            assertThat(first.get("/v1/status", key("bucket")).status()).isEqualTo(429);
            clock.advance(Duration.ofSeconds(30));
            assertThat(first.get("/v1/status", key("bucket")).status()).as("refilled to the burst, no more").isEqualTo(200);
            assertThat(first.get("/v1/status", key("bucket")).status()).isEqualTo(200);
            assertThat(first.get("/v1/status", key("bucket")).status()).isEqualTo(429);
        }
    }

    @Test
    void aKeyIssuedAtRunTimeIsAcceptedByEveryInstanceUntilRevoked() {
        QuoteTest.TestClock clock = new QuoteTest.TestClock();
        DynamoDbKeys keys = DynamoDbTables.keys(dynalite.environment(), Dynalite.KEYS, clock);
        String issued = keys.create("research");
        assertThat(issued).startsWith("bl_").hasSize(46);
        try (FrontDoor door = FrontDoor.lambda(instance("env", 1000, 1000, 1000, clock))) {
            FrontDoor.Answer usage = door.get("/v1/usage", Map.of("x-api-key", issued));
            assertThat(usage.status()).isEqualTo(200);
            assertThat(usage.json().path("key").asText()).isEqualTo("research");
            assertThat(door.get("/v1/status", key("env")).status()).as("the configured keys still work").isEqualTo(200);
            assertThat(keys.list()).anySatisfy(entry -> {
                assertThat(entry.name()).isEqualTo("research");
                assertThat(entry.hint()).isEqualTo(issued.substring(0, 7));
                assertThat(entry.revoked()).isNull();
            });
            assertThat(keys.revoke("research")).isEqualTo(1);
            clock.advance(Duration.ofSeconds(DynamoDbKeys.REMEMBER_SECONDS + 1));
            assertThat(door.get("/v1/usage", Map.of("x-api-key", issued)).status()).as("revoked, within a minute").isEqualTo(401);
            assertThat(keys.list()).filteredOn(entry -> entry.name().equals("research")).allSatisfy(entry ->
                    assertThat(entry.revoked()).isNotNull());
        }
    }
}
