package io.barlake.serving.dynamodb;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.barlake.serving.access.ApiKeys;
import io.barlake.serving.access.KeyTable;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * API keys issued, listed and revoked at run time, in a DynamoDB table of their SHA-256 hashes:
 * the plaintext is shown once when issued and kept nowhere. An API instance remembers each
 * lookup for {@value #REMEMBER_SECONDS} s, so a revoked key stops working within that time.
 */
public final class DynamoDbKeys implements KeyTable {
    /** The table's partition key: the key's SHA-256 in hex. */
    public static final String HASH = "hash";
    public static final long REMEMBER_SECONDS = 60;
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

    /** One issued key as listed: its name, when issued and revoked (null while valid), and its first characters. */
    public record Issued(String name, Instant created, Instant revoked, String hint) {}

    private final DynamoDbClient dynamo;
    private final String table;
    private final Clock clock;
    private final Cache<String, Optional<String>> remembered;

    public DynamoDbKeys(DynamoDbClient dynamo, String table, Clock clock) {
        this.dynamo = dynamo;
        this.table = table;
        this.clock = clock;
        this.remembered = Caffeine.newBuilder().maximumSize(10_000).expireAfterWrite(Duration.ofSeconds(REMEMBER_SECONDS))
                .ticker(() -> clock.millis() * 1_000_000L).build();
    }

    @Override
    public Optional<String> nameOf(String sha256Hex) {
        return remembered.get(sha256Hex, hash -> {
            Map<String, AttributeValue> item = dynamo.getItem(request -> request.tableName(table)
                    .key(Map.of(HASH, AttributeValue.fromS(hash))).consistentRead(true)).item();
            if (item == null || item.isEmpty() || item.containsKey("revoked")) {
                return Optional.empty();
            }
            return Optional.of(item.get("name").s());
        });
    }

    /**
     * Issues a key for {@code name}: 32 random bytes, base64url, prefixed {@code bl_}; only its hash
     * is stored. The plaintext, to be shown once.
     *
     * @throws IllegalArgumentException when the name is not 1–64 of letters, digits, '_', '.', '-'
     */
    public String create(String name) {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("a key's name is 1 to 64 letters, digits, '_', '.' or '-', was '" + name + "'");
        }
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        String key = "bl_" + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(HASH, AttributeValue.fromS(ApiKeys.hash(key)));
        item.put("name", AttributeValue.fromS(name));
        item.put("created", AttributeValue.fromS(clock.instant().toString()));
        item.put("hint", AttributeValue.fromS(key.substring(0, 7)));
        // 'hash' is one of DynamoDB's reserved words: named through a placeholder.
        dynamo.putItem(request -> request.tableName(table).item(item).conditionExpression("attribute_not_exists(#h)")
                .expressionAttributeNames(Map.of("#h", HASH)));
        return key;
    }

    /** Every key issued, oldest first. */
    public List<Issued> list() {
        List<Issued> issued = new ArrayList<>();
        dynamo.scanPaginator(request -> request.tableName(table).consistentRead(true)).items().forEach(item -> issued.add(new Issued(
                item.get("name").s(), Instant.parse(item.get("created").s()),
                item.containsKey("revoked") ? Instant.parse(item.get("revoked").s()) : null, item.get("hint").s())));
        issued.sort(Comparator.comparing(Issued::created).thenComparing(Issued::name));
        return issued;
    }

    /**
     * Rotates {@code name}'s key: issues a new one, then revokes the others of that name. The new
     * plaintext, to be shown once; the old keys stop within {@value #REMEMBER_SECONDS} s.
     */
    public String rotate(String name) {
        String key = create(name);
        revoke(name, ApiKeys.hash(key));
        return key;
    }

    /** Revokes every valid key of {@code name}; how many. */
    public int revoke(String name) {
        return revoke(name, null);
    }

    private int revoke(String name, String keep) {
        int revoked = 0;
        for (Map<String, AttributeValue> item : dynamo.scanPaginator(request -> request.tableName(table).consistentRead(true)).items()) {
            if (item.get("name").s().equals(name) && !item.containsKey("revoked") && !item.get(HASH).s().equals(keep)) {
                dynamo.updateItem(request -> request.tableName(table).key(Map.of(HASH, item.get(HASH)))
                        .updateExpression("SET revoked = :now").expressionAttributeValues(Map.of(":now",
                                AttributeValue.fromS(clock.instant().toString()))));
                revoked++;
            }
        }
        return revoked;
    }
}
