package io.barlake.signals.scan;

import io.barlake.analytics.scan.SignalRow;
import io.barlake.lake.model.SignalPick;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.InflaterInputStream;

/**
 * One session's picks while the universe is scored symbol by symbol, kept deflated in memory
 * until every symbol is in, then ranked. A year of sessions over 12,000 symbols holds millions
 * of picks with their explanations: as objects they would not fit a Lambda's heap, deflated they
 * take about what the Parquet files will.
 */
final class PickSpill {
    /** The scan's order ({@code Scanner.rank}): score, strongest buy first, then symbol, then strategy. */
    private static final Comparator<Entry> RANKING = Comparator.comparingDouble(Entry::score).reversed()
            .thenComparing(Entry::symbol).thenComparing(Entry::strategy);

    /** A pick before it has a rank. */
    private record Entry(String symbol, String strategy, String signal, double score, String timeframes, String explanation,
            String values) {}

    private final LocalDate session;
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 16);
    private final Deflater deflater = new Deflater(Deflater.BEST_SPEED);
    private final DataOutputStream out = new DataOutputStream(new DeflaterOutputStream(bytes, deflater, 1 << 14));
    private int count;

    PickSpill(LocalDate session) {
        this.session = session;
    }

    /** Adds one symbol's picks on the session (unranked). */
    synchronized void add(List<SignalRow> rows) {
        try {
            for (SignalRow row : rows) {
                text(row.symbol());
                text(row.strategy());
                text(row.signal().name());
                out.writeDouble(row.score());
                text(NightlyScan.timeframes(row));
                text(row.explanation());
                text(NightlyScan.values(row));
                count++;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every pick added, ranked from 1; the spill is spent. */
    synchronized List<SignalPick> ranked() {
        List<Entry> picks = new ArrayList<>(count);
        try {
            out.close();
            deflater.end();
            try (DataInputStream in = new DataInputStream(new InflaterInputStream(new ByteArrayInputStream(bytes.toByteArray())))) {
                for (int i = 0; i < count; i++) {
                    String symbol = text(in);
                    String strategy = text(in);
                    String signal = text(in);
                    double score = in.readDouble();
                    picks.add(new Entry(symbol, strategy, signal, score, text(in), text(in), text(in)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        picks.sort(RANKING);
        List<SignalPick> ranked = new ArrayList<>(picks.size());
        for (int i = 0; i < picks.size(); i++) {
            Entry pick = picks.get(i);
            ranked.add(new SignalPick(session, i + 1, pick.symbol(), pick.strategy(), pick.signal(), pick.score(), pick.timeframes(),
                    pick.explanation(), pick.values()));
        }
        return ranked;
    }

    private void text(String value) throws IOException {
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        out.writeInt(utf8.length);
        out.write(utf8);
    }

    private static String text(DataInputStream in) throws IOException {
        return new String(in.readNBytes(in.readInt()), StandardCharsets.UTF_8);
    }
}
