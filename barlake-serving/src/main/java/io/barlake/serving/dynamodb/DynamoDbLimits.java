package io.barlake.serving.dynamodb;

import io.barlake.serving.access.Limits;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;

/**
 * Each key's token bucket and daily quota in one DynamoDB table that every API instance shares,
 * with conditional writes so that concurrent instances never count the same token twice.
 *
 * <ul>
 *   <li>{@code <key>#bucket}: {@code tokens} (in thousandths) and {@code at} (epoch ms of the last
 *       take). A take reads it, adds what refilled since {@code at} at {@code perSecond}, up to
 *       {@code burst}, and writes one token less only if the item is still as read (else reads
 *       again, a few times).</li>
 *   <li>{@code <key>#day#YYYY-MM-DD}: {@code used}, added to only while under the quota.</li>
 * </ul>
 * Both carry {@code expires} (epoch seconds), the table's TTL attribute, so old days and idle
 * buckets go away by themselves.
 */
public final class DynamoDbLimits implements Limits {
    /** The table's partition key. */
    public static final String KEY = "id";
    /** The table's TTL attribute. */
    public static final String EXPIRES = "expires";
    private static final int CONFLICT_RETRIES = 8;

    private final DynamoDbClient dynamo;
    private final String table;
    private final long perSecond;
    private final long burst;
    private final long dailyQuota;
    private final Clock clock;

    public DynamoDbLimits(DynamoDbClient dynamo, String table, long perSecond, long burst, long dailyQuota, Clock clock) {
        Rates rates = new Rates(perSecond, burst, dailyQuota);
        this.dynamo = dynamo;
        this.table = table;
        this.perSecond = rates.perSecond();
        this.burst = rates.burst();
        this.dailyQuota = rates.dailyQuota();
        this.clock = clock;
    }

    @Override
    public void admit(String key) {
        takeToken(key);
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        long midnight = today.plusDays(1).atStartOfDay(ZoneOffset.UTC).toEpochSecond(); // the day item expires two days after it
        try {
            dynamo.updateItem(request -> request.tableName(table).key(Map.of(KEY, s(dayItem(key, today))))
                    .updateExpression("ADD used :one SET " + EXPIRES + " = :expires")
                    .conditionExpression("attribute_not_exists(used) OR used < :quota")
                    .expressionAttributeValues(Map.of(":one", n(1), ":quota", n(dailyQuota), ":expires", n(midnight + 2 * 86_400))));
        } catch (ConditionalCheckFailedException e) {
            throw Limits.quotaUsedUp(dailyQuota, clock);
        }
    }

    /** Takes one token of the key's bucket, or throws the 429 saying when one is back. */
    private void takeToken(String key) {
        String id = key + "#bucket";
        long full = burst * 1000;
        for (int attempt = 0; attempt < CONFLICT_RETRIES; attempt++) {
            GetItemResponse read = dynamo.getItem(request -> request.tableName(table).key(Map.of(KEY, s(id))).consistentRead(true));
            long now = clock.millis();
            boolean exists = read.hasItem() && !read.item().isEmpty();
            long tokens = full;
            long at = now;
            if (exists) {
                long stored = Long.parseLong(read.item().get("tokens").n());
                at = Long.parseLong(read.item().get("at").n());
                tokens = Math.min(full, stored + Math.max(0, now - at) * perSecond);
            }
            if (tokens < 1000) {
                long millis = (1000 - tokens + perSecond - 1) / perSecond;
                throw Limits.tooMany("rate limit of " + perSecond + " requests a second exceeded", Math.max(1, (millis + 999) / 1000));
            }
            Map<String, AttributeValue> item = new HashMap<>();
            item.put(KEY, s(id));
            item.put("tokens", n(tokens - 1000));
            item.put("at", n(now));
            item.put(EXPIRES, n(now / 1000 + 86_400));
            try {
                if (exists) {
                    long readAt = at;
                    String readTokens = read.item().get("tokens").n();
                    dynamo.putItem(request -> request.tableName(table).item(item).conditionExpression("#at = :at AND tokens = :tokens")
                            .expressionAttributeNames(Map.of("#at", "at"))
                            .expressionAttributeValues(Map.of(":at", n(readAt), ":tokens", AttributeValue.fromN(readTokens))));
                } else {
                    dynamo.putItem(request -> request.tableName(table).item(item).conditionExpression("attribute_not_exists(" + KEY + ")"));
                }
                return;
            } catch (ConditionalCheckFailedException e) {
                // another instance took a token between our read and write: read again
            }
        }
        throw Limits.tooMany("rate limit of " + perSecond + " requests a second exceeded (busy)", 1);
    }

    @Override
    public long usedToday(String key) {
        GetItemResponse read = dynamo.getItem(request -> request.tableName(table)
                .key(Map.of(KEY, s(dayItem(key, LocalDate.now(clock.withZone(ZoneOffset.UTC)))))).consistentRead(true));
        return read.hasItem() && read.item().containsKey("used") ? Long.parseLong(read.item().get("used").n()) : 0;
    }

    @Override
    public long dailyQuota() {
        return dailyQuota;
    }

    private static String dayItem(String key, LocalDate day) {
        return key + "#day#" + day;
    }

    static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }
}
