package io.barlake.signals.gold;

import io.barlake.lake.layout.LakeLayout;
import io.barlake.lake.model.Split;
import io.barlake.lake.parquet.ParquetCodec;
import io.barlake.lake.state.DailyCheckpoint;
import io.barlake.lake.state.StateStore;
import io.barlake.lake.store.ObjectStore;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What a gold dataset is computed from, fingerprinted so a run can tell which sessions changed:
 * each silver session's content hash and each symbol's verified splits. A session's gold depends
 * on silver up to it, so everything from the first changed session on is due again.
 */
public final class GoldInputs {
    private GoldInputs() {}

    /** Each consolidated session's content fingerprint, oldest first. */
    public static TreeMap<LocalDate, String> sessions(StateStore state) {
        TreeMap<LocalDate, String> sessions = new TreeMap<>();
        state.checkpoint(DailyCheckpoint.NAME, DailyCheckpoint.class).orElse(DailyCheckpoint.empty()).sessions()
                .forEach((session, mark) -> sessions.put(session, mark.sha256()));
        return sessions;
    }

    /** Each symbol's splits executed on or before {@code last}, as {@code date:from/to;…}, oldest first. */
    public static Map<String, String> splits(ObjectStore store, LocalDate last) {
        Map<String, String> prints = new TreeMap<>();
        splitsBySymbol(store, last).forEach((symbol, splits) -> {
            TreeMap<LocalDate, Split> byDate = new TreeMap<>(); // one split a date, the file's last
            splits.forEach(split -> byDate.put(split.executionDate(), split));
            StringBuilder print = new StringBuilder();
            byDate.values().forEach(split -> print.append(split.executionDate()).append(':').append(split.splitFrom()).append('/')
                    .append(split.splitTo()).append(';'));
            prints.put(symbol, print.toString());
        });
        return prints;
    }

    /** The verified splits executed on or before {@code last}, per symbol, oldest first. */
    public static Map<String, List<Split>> splitsBySymbol(ObjectStore store, LocalDate last) {
        Map<String, List<Split>> bySymbol = new TreeMap<>();
        if (store.head(LakeLayout.SILVER_SPLITS).isPresent()) {
            for (Split split : ParquetCodec.SPLITS.read(store, LakeLayout.SILVER_SPLITS)) {
                if (!split.executionDate().isAfter(last)) {
                    bySymbol.computeIfAbsent(split.symbol(), s -> new ArrayList<>()).add(split);
                }
            }
        }
        bySymbol.values().forEach(splits -> splits.sort(Comparator.comparing(Split::executionDate)));
        return bySymbol;
    }

    /**
     * The first session whose inputs changed between two fingerprints: a session's content, or a
     * symbol's splits (from its earliest split); null when nothing changed.
     */
    public static LocalDate firstChanged(Map<LocalDate, String> sessionsBefore, Map<String, String> splitsBefore,
            Map<LocalDate, String> sessionsAfter, Map<String, String> splitsAfter) {
        LocalDate first = null;
        Set<LocalDate> dates = new TreeSet<>(sessionsBefore.keySet());
        dates.addAll(sessionsAfter.keySet());
        for (LocalDate session : dates) {
            if (!sessionsAfter.getOrDefault(session, "").equals(sessionsBefore.getOrDefault(session, ""))) {
                first = session;
                break;
            }
        }
        Set<String> symbols = new TreeSet<>(splitsBefore.keySet());
        symbols.addAll(splitsAfter.keySet());
        for (String symbol : symbols) {
            String before = splitsBefore.getOrDefault(symbol, "");
            String after = splitsAfter.getOrDefault(symbol, "");
            if (!before.equals(after)) {
                for (String print : new String[] {before, after}) {
                    if (!print.isEmpty()) {
                        LocalDate earliest = LocalDate.parse(print.substring(0, 10));
                        first = first == null || earliest.isBefore(first) ? earliest : first;
                    }
                }
            }
        }
        return first;
    }
}
