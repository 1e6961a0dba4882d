package io.barlake.lake.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.barlake.lake.bronze.BronzeFiles;
import io.barlake.lake.bronze.BronzeMeta;
import io.barlake.lake.bronze.ReferenceFile;
import io.barlake.lake.calendar.TradingCalendar;
import io.barlake.lake.layout.LakeLayout;
import io.barlake.lake.model.Split;
import io.barlake.lake.state.LakeJson;
import io.barlake.lake.store.ObjectStore;
import io.barlake.lake.store.Sha256;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Writes bronze exactly as the fetchers do: gzipped Polygon JSON plus {@code _meta.json}. */
public final class BronzeFixtures {
    private static final ObjectMapper JSON = new ObjectMapper();

    private BronzeFixtures() {}

    /** A Polygon grouped-daily body for the rows ({@code T, v, vw, o, c, h, l, t, n}). */
    public static byte[] body(LocalDate session, List<HistoryRow> rows) {
        ObjectNode root = JSON.createObjectNode();
        root.put("queryCount", rows.size());
        root.put("resultsCount", rows.size());
        root.put("adjusted", false);
        ArrayNode results = root.putArray("results");
        long t = TradingCalendar.nyse().closeOf(session).toEpochMilli();
        for (HistoryRow row : rows) {
            ObjectNode record = results.addObject();
            record.put("T", row.symbol());
            record.put("v", row.volume());
            if (row.vwap() != null) {
                record.put("vw", row.vwap());
            }
            record.put("o", row.open());
            record.put("c", row.close());
            record.put("h", row.high());
            record.put("l", row.low());
            record.put("t", t);
            record.put("n", row.transactions());
        }
        root.put("status", "OK");
        try {
            return JSON.writeValueAsBytes(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes one session to bronze the way the bars fetcher does (meta removed, data, then meta). */
    public static void writeSession(ObjectStore store, LocalDate session, byte[] body, Instant fetchedAt) {
        String metaKey = LakeLayout.bronzeBarsMeta(session);
        store.delete(List.of(metaKey));
        store.put(LakeLayout.bronzeBars(session), BronzeFiles.gzip(body));
        BronzeMeta meta = new BronzeMeta(session, "test", "fixture " + session, fetchedAt, Sha256.hex(body),
                body.length, rowCount(body));
        try {
            store.put(metaKey, LakeJson.mapper().writeValueAsBytes(meta));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes a splits snapshot for {@code asOf} the way the reference fetcher does. */
    public static void writeSplits(ObjectStore store, LocalDate asOf, List<Split> splits) {
        List<com.fasterxml.jackson.databind.JsonNode> results = splits.stream().map(split -> {
            ObjectNode record = JSON.createObjectNode();
            record.put("execution_date", split.executionDate().toString());
            record.put("split_from", split.splitFrom());
            record.put("split_to", split.splitTo());
            record.put("ticker", split.symbol());
            return (com.fasterxml.jackson.databind.JsonNode) record;
        }).toList();
        writeReference(store, LakeLayout.bronzeSplits(asOf), asOf, results);
    }

    /** Writes a dividends snapshot for {@code asOf} of records as the vendor's v3 dividends endpoint gives them (JSON text each). */
    public static void writeDividends(ObjectStore store, LocalDate asOf, List<String> records) {
        List<com.fasterxml.jackson.databind.JsonNode> results = records.stream().map(record -> {
            try {
                return JSON.readTree(record);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).toList();
        writeReference(store, LakeLayout.bronzeDividends(asOf), asOf, results);
    }

    /** Writes a tickers snapshot for {@code asOf} naming each symbol. */
    public static void writeTickers(ObjectStore store, LocalDate asOf, List<String> symbols) {
        List<com.fasterxml.jackson.databind.JsonNode> results = symbols.stream().map(symbol -> {
            ObjectNode record = JSON.createObjectNode();
            record.put("ticker", symbol);
            record.put("name", symbol + " Corp");
            record.put("primary_exchange", "XNAS");
            record.put("type", "CS");
            record.put("active", true);
            record.put("currency_name", "usd");
            return (com.fasterxml.jackson.databind.JsonNode) record;
        }).toList();
        writeReference(store, LakeLayout.bronzeTickers(asOf), asOf, results);
    }

    private static void writeReference(ObjectStore store, String key, LocalDate asOf,
            List<com.fasterxml.jackson.databind.JsonNode> results) {
        try {
            String sha = Sha256.hex(JSON.writeValueAsBytes(results));
            ReferenceFile file = new ReferenceFile(asOf, "test", "fixture", Instant.parse("2025-01-01T00:00:00Z"), sha,
                    results.size(), results);
            store.put(key, BronzeFiles.gzip(LakeJson.mapper().writeValueAsBytes(file)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int rowCount(byte[] body) {
        try {
            return JSON.readTree(body).path("results").size();
        } catch (IOException e) {
            return 0;
        }
    }
}
