package io.barlake.lake.parquet;

import static org.assertj.core.api.Assertions.assertThat;

import io.barlake.lake.layout.LakeLayout;
import io.barlake.lake.model.SignalPick;
import io.barlake.lake.store.LocalObjectStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.parquet.avro.AvroParquetWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.io.LocalOutputFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** gold/signals files keep reading across the column the picks gained (the indicator values behind each). */
class SignalPickFilesTest {
    private static final LocalDate SESSION = LocalDate.of(2026, 11, 20);

    @TempDir
    Path folder;

    @Test
    void picksRoundTripWithTheirValues() {
        LocalObjectStore store = new LocalObjectStore(folder);
        List<SignalPick> picks = List.of(new SignalPick(SESSION, 1, "AAPL", "golden-cross", "BUY", 0.5, "1d:BUY,5d:HOLD",
                "1d BUY: SMA(50) crosses above SMA(200); 5d HOLD", "{\"1d\":{\"SMA(50)\":101.5,\"SMA(200)\":99.25}}"));
        ParquetCodec.SIGNALS.write(store, LakeLayout.signals(SESSION), picks);
        assertThat(ParquetCodec.SIGNALS.read(store, LakeLayout.signals(SESSION))).isEqualTo(picks);
    }

    @Test
    void aSessionOfManyPicksRoundTripsAcrossRowGroupsWithRepeatedAndUniqueTexts() {
        LocalObjectStore store = new LocalObjectStore(folder);
        String[] strategies = {"golden-cross", "rsi-momentum", "bollinger-breakout"};
        List<SignalPick> picks = new java.util.ArrayList<>();
        for (int rank = 1; rank <= 40_000; rank++) { // more than two row groups
            String symbol = "S" + Integer.toString(rank % 13_000, 36).toUpperCase(java.util.Locale.ROOT);
            String strategy = strategies[rank % strategies.length];
            String signal = rank < 30_000 ? "BUY" : "SELL";
            picks.add(new SignalPick(SESSION, rank, symbol, strategy, signal, 1 - rank / 20_000.0, "1d:" + signal + ",5d:HOLD",
                    "1d " + signal + ": rule " + strategy + " – «é»; 5d HOLD", "{\"1d\":{\"RSI(14)\":" + (rank * 0.37) + "}}"));
        }
        ParquetCodec.SIGNALS.write(store, LakeLayout.signals(SESSION), picks);
        assertThat(ParquetCodec.SIGNALS.read(store, LakeLayout.signals(SESSION))).isEqualTo(picks);
    }

    @Test
    void aFileWrittenBeforeTheValuesColumnReadsWithNoValues() throws Exception {
        Schema before = new Schema.Parser().parse("""
                {"type": "record", "name": "SignalPick", "namespace": "io.barlake.lake", "fields": [
                  {"name": "session", "type": {"type": "int", "logicalType": "date"}},
                  {"name": "rank", "type": "int"},
                  {"name": "symbol", "type": "string"},
                  {"name": "strategy", "type": "string"},
                  {"name": "signal", "type": "string"},
                  {"name": "score", "type": "double"},
                  {"name": "timeframes", "type": "string"},
                  {"name": "explanation", "type": "string"}
                ]}""");
        Path file = folder.resolve(LakeLayout.signals(SESSION));
        Files.createDirectories(file.getParent());
        GenericRecord record = new GenericData.Record(before);
        record.put("session", (int) SESSION.toEpochDay());
        record.put("rank", 1);
        record.put("symbol", "MSFT");
        record.put("strategy", "rsi-momentum");
        record.put("signal", "SELL");
        record.put("score", -0.25);
        record.put("timeframes", "1d:SELL");
        record.put("explanation", "1d SELL: RSI(14) crosses below 50");
        try (ParquetWriter<GenericRecord> writer = AvroParquetWriter.<GenericRecord>builder(new LocalOutputFile(file))
                .withSchema(before).build()) {
            writer.write(record);
        }

        assertThat(ParquetCodec.SIGNALS.read(new LocalObjectStore(folder), LakeLayout.signals(SESSION))).containsExactly(
                new SignalPick(SESSION, 1, "MSFT", "rsi-momentum", "SELL", -0.25, "1d:SELL", "1d SELL: RSI(14) crosses below 50"));
    }
}
