package io.barlake.lake.store;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The one contract every {@link ObjectStore} must keep; subclasses supply a fresh, empty store.
 */
public abstract class ObjectStoreContractTest {
    protected ObjectStore store;

    /** A new, empty store for one test. */
    protected abstract ObjectStore newStore() throws Exception;

    @BeforeEach
    void openStore() throws Exception {
        store = newStore();
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    @Test
    void putThenGetReturnsTheSameBytes() {
        byte[] content = randomBytes(10_000, 1);
        store.put("bronze/bars/date=2024-01-02/grouped.json.gz", content);
        assertThat(store.get("bronze/bars/date=2024-01-02/grouped.json.gz")).hasValue(content);
    }

    @Test
    void putReplacesThePreviousObject() {
        store.put("a/b.json", bytes("first"));
        store.put("a/b.json", bytes("second, longer"));
        assertThat(store.get("a/b.json")).hasValueSatisfying(value -> assertThat(text(value)).isEqualTo("second, longer"));
        assertThat(store.list("a/")).extracting(ObjectInfo::key).containsExactly("a/b.json");
    }

    @Test
    void emptyObjectsAreObjects() {
        store.put("empty.bin", new byte[0]);
        assertThat(store.get("empty.bin")).hasValueSatisfying(value -> assertThat(value).isEmpty());
        assertThat(store.head("empty.bin")).hasValueSatisfying(info -> assertThat(info.size()).isZero());
    }

    @Test
    void aMissingKeyIsEmptyForGetAndHeadAndAnErrorForRangeReads() {
        assertThat(store.get("no/such/key")).isEmpty();
        assertThat(store.head("no/such/key")).isEmpty();
        assertThatThrownBy(() -> store.getRange("no/such/key", 0, 10))
                .isInstanceOf(ObjectStoreException.class)
                .hasMessageContaining("no/such/key")
                .hasMessageContaining("no such object");
    }

    @Test
    void headTellsTheSize() {
        store.put("silver/daily/year=2024/bars.parquet", randomBytes(1234, 2));
        ObjectInfo info = store.head("silver/daily/year=2024/bars.parquet").orElseThrow();
        assertThat(info.key()).isEqualTo("silver/daily/year=2024/bars.parquet");
        assertThat(info.size()).isEqualTo(1234);
    }

    @Test
    void rangeReadsReturnExactlyTheAskedBytes() {
        byte[] content = randomBytes(5000, 3);
        store.put("r.bin", content);
        assertThat(store.getRange("r.bin", 100, 50)).isEqualTo(Arrays.copyOfRange(content, 100, 150));
        assertThat(store.getRange("r.bin", 0, 1)).isEqualTo(Arrays.copyOfRange(content, 0, 1));
        assertThat(store.getRange("r.bin", 4990, 100)).as("a range past the end is cut at the end")
                .isEqualTo(Arrays.copyOfRange(content, 4990, 5000));
        assertThat(store.getRange("r.bin", 0, 5000)).isEqualTo(content);
        assertThat(store.getRange("r.bin", 200, 0)).isEmpty();
    }

    @Test
    void putIfAbsentWritesOnlyOnce() {
        assertThat(store.putIfAbsent("_state/lock.json", bytes("mine"))).isTrue();
        assertThat(store.putIfAbsent("_state/lock.json", bytes("theirs"))).isFalse();
        assertThat(store.get("_state/lock.json")).hasValueSatisfying(value -> assertThat(text(value)).isEqualTo("mine"));
    }

    @Test
    void listReturnsEveryKeyUnderThePrefixSorted() {
        for (String key : List.of("bronze/bars/date=2024-01-03/grouped.json.gz", "bronze/bars/date=2024-01-02/_meta.json",
                "bronze/bars/date=2024-01-02/grouped.json.gz", "bronze/barsx/other.json", "bronze/tickers/t.json",
                "silver/daily/year=2024/bars.parquet")) {
            store.put(key, bytes(key));
        }
        assertThat(store.list("bronze/bars/")).extracting(ObjectInfo::key).containsExactly(
                "bronze/bars/date=2024-01-02/_meta.json",
                "bronze/bars/date=2024-01-02/grouped.json.gz",
                "bronze/bars/date=2024-01-03/grouped.json.gz");
        assertThat(store.list("bronze/bars")).extracting(ObjectInfo::key)
                .as("a prefix is a string prefix, not a folder").contains("bronze/barsx/other.json").hasSize(4);
        assertThat(store.list("bronze/bars/date=2024-01-0")).hasSize(3);
        assertThat(store.list("")).hasSize(6);
        assertThat(store.list("gold/")).isEmpty();
        assertThat(store.list("bronze/bars/")).allSatisfy(info -> assertThat(info.size()).isEqualTo(info.key().length()));
    }

    @Test
    void listAndDeleteGoBeyondOnePageOfAThousandKeys() {
        List<String> keys = IntStream.range(0, 1100).mapToObj(i -> String.format("many/k%05d", i)).toList();
        keys.parallelStream().forEach(key -> store.put(key, bytes(key)));
        store.put("other/keep.json", bytes("keep"));

        assertThat(store.list("many/")).extracting(ObjectInfo::key).containsExactlyElementsOf(keys);

        List<String> toDelete = new ArrayList<>(keys);
        toDelete.add("many/never-existed");
        store.delete(toDelete);
        assertThat(store.list("many/")).isEmpty();
        assertThat(store.list("")).extracting(ObjectInfo::key).containsExactly("other/keep.json");
    }

    @Test
    void deleteRemovesOnlyTheNamedKeys() {
        store.put("a/1", bytes("1"));
        store.put("a/2", bytes("2"));
        store.put("a/3", bytes("3"));
        store.delete(List.of("a/1", "a/3", "a/missing"));
        assertThat(store.list("a/")).extracting(ObjectInfo::key).containsExactly("a/2");
        store.delete(List.of());
        assertThat(store.list("a/")).hasSize(1);
    }

    @Test
    void aWriteThatFailsMidwayLeavesThePreviousObjectIntact() {
        byte[] previous = randomBytes(20_000, 4);
        store.put("silver/daily/year=2024/bars.parquet", previous);

        assertThatThrownBy(() -> store.write("silver/daily/year=2024/bars.parquet", out -> {
            out.write(randomBytes(30_000, 5));
            throw new IOException("simulated crash after 30000 bytes");
        })).isInstanceOf(ObjectStoreException.class)
                .hasMessageContaining("silver/daily/year=2024/bars.parquet")
                .hasMessageContaining("simulated crash");

        assertThat(store.get("silver/daily/year=2024/bars.parquet")).hasValue(previous);
        assertThat(store.list("")).extracting(ObjectInfo::key).containsExactly("silver/daily/year=2024/bars.parquet");
    }

    @Test
    void aWriteThatFailsOnANewKeyLeavesNothing() {
        assertThatThrownBy(() -> store.write("new/object.bin", out -> {
            out.write(randomBytes(1000, 6));
            throw new IOException("boom");
        })).isInstanceOf(ObjectStoreException.class);
        assertThat(store.get("new/object.bin")).isEmpty();
        assertThat(store.list("")).isEmpty();
    }

    @Test
    void streamedWritesOfSeveralMegabytesRoundTrip() {
        byte[] content = randomBytes(6 * 1024 * 1024 + 17, 7);
        store.write("big/object.bin", out -> {
            for (int offset = 0; offset < content.length; offset += 8192) {
                out.write(content, offset, Math.min(8192, content.length - offset));
            }
        });
        assertThat(store.head("big/object.bin")).hasValueSatisfying(info -> assertThat(info.size()).isEqualTo(content.length));
        assertThat(store.get("big/object.bin")).hasValue(content);
    }

    @ParameterizedTest
    @ValueSource(strings = {"../etc/passwd", "/abs", "/etc/passwd", "a/../../b", "a/./b", "a//b", "a/b/", "",
            "a\\b", "..", ".barlake-tmp/put-1.tmp"})
    void keysThatCouldEscapeTheLakeAreRefusedByEveryOperation(String key) {
        assertThatThrownBy(() -> store.put(key, bytes("x"))).isInstanceOf(InvalidKeyException.class)
                .hasMessageStartingWith("Invalid lake key '" + key + "'");
        assertThatThrownBy(() -> store.putIfAbsent(key, bytes("x"))).isInstanceOf(InvalidKeyException.class);
        assertThatThrownBy(() -> store.write(key, out -> out.write(1))).isInstanceOf(InvalidKeyException.class);
        assertThatThrownBy(() -> store.get(key)).isInstanceOf(InvalidKeyException.class);
        assertThatThrownBy(() -> store.getRange(key, 0, 1)).isInstanceOf(InvalidKeyException.class);
        assertThatThrownBy(() -> store.head(key)).isInstanceOf(InvalidKeyException.class);
        assertThatThrownBy(() -> store.delete(List.of(key))).isInstanceOf(InvalidKeyException.class);
        assertThat(store.list("")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"../", "/abs/", "a//", "../etc"})
    void prefixesThatCouldEscapeTheLakeAreRefused(String prefix) {
        assertThatThrownBy(() -> store.list(prefix)).isInstanceOf(InvalidKeyException.class)
                .hasMessageContaining(prefix);
    }

    protected static byte[] bytes(String text) {
        return text.getBytes(UTF_8);
    }

    protected static String text(byte[] bytes) {
        return new String(bytes, UTF_8);
    }

    protected static byte[] randomBytes(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }
}
