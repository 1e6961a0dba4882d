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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
    private static final Comparator<Entry> RANKING = (a, b) -> {
        int byScore = Double.compare(b.score(), a.score());
        if (byScore != 0) {
            return byScore;
        }
        int bySymbol = a.symbol().compareTo(b.symbol());
        return bySymbol != 0 ? bySymbol : a.strategy().compareTo(b.strategy());
    };

    /** A pick before it has a rank. */
    private record Entry(String symbol, String strategy, String signal, double score, String timeframes, String explanation,
            String values) {}

    private final LocalDate session;
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 16);
    private final Deflater deflater = new Deflater(Deflater.BEST_SPEED);
    private final DataOutputStream out = new DataOutputStream(new DeflaterOutputStream(bytes, deflater, 1 << 14));
    /** Repeated texts (symbols, strategies, explanations: a few thousand distinct ones) are written once, then by number. */
    private final Map<String, Integer> dictionary = new HashMap<>();
    private int count;

    PickSpill(LocalDate session) {
        this.session = session;
    }

    /** Adds one symbol's picks on the session (unranked). */
    synchronized void add(List<SignalRow> rows) {
        try {
            for (SignalRow row : rows) {
                repeated(row.symbol());
                repeated(row.strategy());
                repeated(row.signal().name());
                out.writeDouble(row.score());
                repeated(NightlyScan.timeframes(row));
                repeated(row.explanation());
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
            List<String> known = new ArrayList<>(dictionary.size());
            try (DataInputStream in = new DataInputStream(new InflaterInputStream(new ByteArrayInputStream(bytes.toByteArray())))) {
                for (int i = 0; i < count; i++) {
                    String symbol = repeated(in, known);
                    String strategy = repeated(in, known);
                    String signal = repeated(in, known);
                    double score = in.readDouble();
                    String timeframes = repeated(in, known);
                    String explanation = repeated(in, known);
                    picks.add(new Entry(symbol, strategy, signal, score, timeframes, explanation, text(in)));
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

    /** A text seen before as its number; a new one as -1 and the text, numbered from 0 in order. */
    private void repeated(String value) throws IOException {
        Integer id = dictionary.get(value);
        if (id != null) {
            out.writeInt(id);
        } else {
            dictionary.put(value, dictionary.size());
            out.writeInt(-1);
            text(value);
        }
    }

    private static String repeated(DataInputStream in, List<String> known) throws IOException {
        int id = in.readInt();
        if (id >= 0) {
            return known.get(id);
        }
        String value = text(in);
        known.add(value);
        return value;
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
