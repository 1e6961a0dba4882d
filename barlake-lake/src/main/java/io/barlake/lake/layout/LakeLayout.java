package io.barlake.lake.layout;

import static java.util.Objects.requireNonNull;

import io.barlake.lake.model.Timeframe;
import io.barlake.lake.store.ObjectKeys;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every key of the lake, as DESIGN.md lays it out. Nothing else in Barlake builds key strings:
 * services ask this class for a key, and parse listed keys back with it.
 *
 * <pre>
 * bronze/bars/date=YYYY-MM-DD/grouped.json.gz      vendor response as received, unadjusted
 * bronze/bars/date=YYYY-MM-DD/_meta.json           source, request (key redacted), fetched_at, sha256, count
 * bronze/tickers/date=YYYY-MM-DD/tickers.json.gz   reference snapshot
 * bronze/splits/date=YYYY-MM-DD/splits.json.gz
 * bronze/dividends/date=YYYY-MM-DD/dividends.json.gz
 * bronze/ticker_events/date=YYYY-MM-DD/ticker_events.json.gz   ticker histories asked for by FIGI or ticker
 * silver/daily/year=YYYY/bars.parquet              raw daily bars, sorted by (symbol, date)
 * silver/rejects/date=YYYY-MM-DD/rejects.jsonl     refused records with their reasons
 * silver/{3d..34d}/year=YYYY/bars.parquet          split-adjusted N-session bars, sorted by (symbol, start)
 * silver/tickers/tickers.parquet                   latest reference data
 * silver/splits/splits.parquet                     the splits the prices confirm
 * silver/dividends/dividends.parquet               cash dividends, for total-return reads
 * silver/symbol_map/symbol_map.parquet             each security's tickers over time
 * silver/quality/date=YYYY-MM-DD/quality.json      the quality gate's verdict
 * silver/corporate_action_rejects/KIND.jsonl       refused splits, dividends, ticker changes
 * gold/signals/date=YYYY-MM-DD/signals.parquet     scanner output
 * gold/market/date=YYYY-MM-DD/symbols.parquet      every symbol that traded: change, volume, trend, 52-week range
 * gold/market/date=YYYY-MM-DD/summary.json         breadth, movers, anomalies, mood, turbulence, narrative
 * gold/reports/date=YYYY-MM-DD/market.html         the session's market report, one self-contained page
 * _state/watermarks/NAME.json, _state/checkpoints/NAME.json
 * _runs/RUN-ID.json                                one report per run
 * </pre>
 */
public final class LakeLayout {
    /** Prefix of all raw vendor data. */
    public static final String BRONZE = "bronze/";
    /** Prefix of bronze daily bars, one folder per session. */
    public static final String BRONZE_BARS = "bronze/bars/";
    /** Prefix of bronze ticker snapshots. */
    public static final String BRONZE_TICKERS = "bronze/tickers/";
    /** Prefix of bronze split snapshots. */
    public static final String BRONZE_SPLITS = "bronze/splits/";
    /** Prefix of bronze dividend snapshots. */
    public static final String BRONZE_DIVIDENDS = "bronze/dividends/";
    /** Prefix of bronze ticker-change histories (the vendor's ticker events), one snapshot per date. */
    public static final String BRONZE_TICKER_EVENTS = "bronze/ticker_events/";
    /** Prefix of the silver layer: every bar file a checkpoint describes lies under it. */
    public static final String SILVER = "silver/";
    /** Prefix of silver daily bars, one file per year. */
    public static final String SILVER_DAILY = SILVER + "daily/";
    /** Prefix of refused records. */
    public static final String SILVER_REJECTS = "silver/rejects/";
    /** The latest ticker reference data. */
    public static final String SILVER_TICKERS = "silver/tickers/tickers.parquet";
    /** The splits the prices confirm: the only ones reads adjust by. */
    public static final String SILVER_SPLITS = "silver/splits/splits.parquet";
    /** Prefix of the quality gate's verdicts, one per session. */
    public static final String SILVER_QUALITY = "silver/quality/";
    /** Cash dividends, for total-return reads. */
    public static final String SILVER_DIVIDENDS = "silver/dividends/dividends.parquet";
    /** The symbol map: each security's tickers over time, for continuous reads across renames. */
    public static final String SILVER_SYMBOL_MAP = "silver/symbol_map/symbol_map.parquet";
    /** Prefix of refused corporate actions: one JSON-lines file per kind ({@link #actionRejects}). */
    public static final String SILVER_ACTION_REJECTS = "silver/corporate_action_rejects/";
    /** The refused splits: unconfirmed by the prices, or duplicates. */
    public static final String SILVER_SPLIT_REJECTS = actionRejects("splits");
    /** The refused dividends: records that cannot be a cash dividend. */
    public static final String SILVER_DIVIDEND_REJECTS = actionRejects("dividends");
    /** The refused ticker changes: those the prices contradict. */
    public static final String SILVER_TICKER_CHANGE_REJECTS = actionRejects("ticker_changes");
    /** Prefix of the gold layer. */
    public static final String GOLD = "gold/";
    /** Prefix of scanner output. */
    public static final String GOLD_SIGNALS = GOLD + "signals/";
    /** Prefix of the daily market datasets: per-symbol figures and the summary of each session. */
    public static final String GOLD_MARKET = GOLD + "market/";
    /** Prefix of the daily reports: one self-contained HTML page per session. */
    public static final String GOLD_REPORTS = GOLD + "reports/";
    /** The market gold's checkpoint: the silver sessions and splits it was computed from. */
    public static final String GOLD_MARKET_CHECKPOINT = "gold-market";
    /** The morning e-mail's checkpoint: the latest session e-mailed. */
    public static final String MORNING_EMAIL_CHECKPOINT = "morning-email";
    /** The checkpoint of {@code gold/signals}: what its sessions were computed from. */
    public static final String GOLD_SIGNALS_CHECKPOINT = "gold-signals";
    /** Prefix of every state document: watermarks, checkpoints, the lock, alert rules. */
    public static final String STATE = "_state/";
    /** Prefix of watermarks. */
    public static final String WATERMARKS = "_state/watermarks/";
    /** Prefix of checkpoints. */
    public static final String CHECKPOINTS = "_state/checkpoints/";
    /** The bars fetcher's watermark ({@link #watermark(String)}): the latest session in bronze. */
    public static final String BRONZE_WATERMARK = "bronze-bars";
    /** The consolidator's watermark: the latest session in silver daily. */
    public static final String SILVER_WATERMARK = "silver-daily";
    /** The name of the consolidator's checkpoint of split verdicts ({@link #checkpoint(String)}). */
    public static final String SPLIT_VERDICTS = "split-verdicts";
    /** The start of every resampler checkpoint's name ({@code resampler-5d}). */
    public static final String RESAMPLER_CHECKPOINT = "resampler-";
    /** The alert rules the API manages and the scan checks. */
    public static final String ALERT_RULES = STATE + "alerts/rules.json";
    /** The lake's writer lock: one run writes at a time. */
    public static final String LOCK = "_state/lock.json";
    /** Prefix of run reports. */
    public static final String RUNS = "_runs/";

    /** File names inside the partitions: the builders below use them, and listings match on them. */
    public static final String GROUPED_FILE = "grouped.json.gz";
    public static final String META_FILE = "_meta.json";
    public static final String TICKERS_FILE = "tickers.json.gz";
    public static final String SPLITS_FILE = "splits.json.gz";
    public static final String DIVIDENDS_FILE = "dividends.json.gz";
    public static final String TICKER_EVENTS_FILE = "ticker_events.json.gz";
    public static final String QUALITY_FILE = "quality.json";
    public static final String REJECTS_FILE = "rejects.jsonl";
    public static final String BARS_FILE = "bars.parquet";
    public static final String SIGNALS_FILE = "signals.parquet";
    public static final String MARKET_SYMBOLS_FILE = "symbols.parquet";
    public static final String MARKET_SUMMARY_FILE = "summary.json";
    public static final String MARKET_REPORT_FILE = "market.html";
    /** The extension of the refused corporate actions' files. */
    public static final String ACTION_REJECTS_EXTENSION = ".jsonl";

    private static final Pattern DATE_PARTITION = Pattern.compile("(?:^|/)date=(\\d{4}-\\d{2}-\\d{2})/");
    private static final Pattern YEAR_PARTITION = Pattern.compile("(?:^|/)year=(\\d{4})/");
    private static final Pattern NAME = Pattern.compile("^[a-z0-9][a-z0-9_.\\-]{0,127}$");

    private LakeLayout() {}

    public static String bronzeBars(LocalDate session) {
        return BRONZE_BARS + datePartition(session) + GROUPED_FILE;
    }

    public static String bronzeBarsMeta(LocalDate session) {
        return BRONZE_BARS + datePartition(session) + META_FILE;
    }

    public static String bronzeTickers(LocalDate snapshotDate) {
        return BRONZE_TICKERS + datePartition(snapshotDate) + TICKERS_FILE;
    }

    public static String bronzeSplits(LocalDate snapshotDate) {
        return BRONZE_SPLITS + datePartition(snapshotDate) + SPLITS_FILE;
    }

    public static String bronzeDividends(LocalDate snapshotDate) {
        return BRONZE_DIVIDENDS + datePartition(snapshotDate) + DIVIDENDS_FILE;
    }

    public static String bronzeTickerEvents(LocalDate snapshotDate) {
        return BRONZE_TICKER_EVENTS + datePartition(snapshotDate) + TICKER_EVENTS_FILE;
    }

    /** The quality gate's verdict on a session. */
    public static String quality(LocalDate session) {
        return SILVER_QUALITY + datePartition(session) + QUALITY_FILE;
    }

    /** One kind's refused corporate actions, with their reasons. */
    public static String actionRejects(String kind) {
        return SILVER_ACTION_REJECTS + kind + ACTION_REJECTS_EXTENSION;
    }

    public static String silverDaily(int year) {
        return SILVER_DAILY + yearPartition(year) + BARS_FILE;
    }

    public static String rejects(LocalDate session) {
        return SILVER_REJECTS + datePartition(session) + REJECTS_FILE;
    }

    /** Prefix of one timeframe's bars: {@code silver/daily/} for 1d, {@code silver/5d/} for 5d. */
    public static String barsPrefix(Timeframe timeframe) {
        return timeframe == Timeframe.D1 ? SILVER_DAILY : SILVER + timeframe.label() + "/";
    }

    /** A timeframe's year file; {@code silverDaily(year)} for 1d. */
    public static String bars(Timeframe timeframe, int year) {
        return barsPrefix(timeframe) + yearPartition(year) + BARS_FILE;
    }

    public static String signals(LocalDate session) {
        return GOLD_SIGNALS + datePartition(session) + SIGNALS_FILE;
    }

    /** One session's per-symbol market figures. */
    public static String marketSymbols(LocalDate session) {
        return GOLD_MARKET + datePartition(session) + MARKET_SYMBOLS_FILE;
    }

    /** One session's market summary. */
    public static String marketSummary(LocalDate session) {
        return GOLD_MARKET + datePartition(session) + MARKET_SUMMARY_FILE;
    }

    /** One session's market report. */
    public static String marketReport(LocalDate session) {
        return GOLD_REPORTS + datePartition(session) + MARKET_REPORT_FILE;
    }

    public static String watermark(String name) {
        return WATERMARKS + requireName(name) + ".json";
    }

    public static String checkpoint(String name) {
        return CHECKPOINTS + requireName(name) + ".json";
    }

    public static String runReport(String runId) {
        return RUNS + requireName(runId) + ".json";
    }

    /** The session of a {@code date=} partitioned key, if it has one. */
    public static Optional<LocalDate> dateOf(String key) {
        Matcher matcher = DATE_PARTITION.matcher(requireNonNull(key, "key is null"));
        if (!matcher.find()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(matcher.group(1)));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** The year of a {@code year=} partitioned key, if it has one. */
    public static Optional<Integer> yearOf(String key) {
        Matcher matcher = YEAR_PARTITION.matcher(requireNonNull(key, "key is null"));
        return matcher.find() ? Optional.of(Integer.parseInt(matcher.group(1))) : Optional.empty();
    }

    /** The name part of a watermark, checkpoint or run-report key. */
    public static String nameOf(String key) {
        String file = key.substring(key.lastIndexOf('/') + 1);
        return file.endsWith(".json") ? file.substring(0, file.length() - ".json".length()) : file;
    }

    /** The folder of a single-file dataset key: {@code silver/tickers/} of {@link #SILVER_TICKERS}. */
    public static String folderOf(String key) {
        return key.substring(0, key.lastIndexOf('/') + 1);
    }

    /**
     * A partition folder under {@code prefix} with a placeholder for its value, as query engines
     * template them: {@code silver/daily/year=${year}/} for {@code yearFolderTemplate(SILVER_DAILY, "${year}")}.
     */
    public static String yearFolderTemplate(String prefix, String placeholder) {
        return prefix + "year=" + placeholder + "/";
    }

    /** The same for a {@code date=} partitioned prefix: {@code gold/signals/date=${d}/}. */
    public static String dateFolderTemplate(String prefix, String placeholder) {
        return prefix + "date=" + placeholder + "/";
    }

    /** Where Athena writes query results in the lake's bucket; outside every dataset's prefix. */
    public static final String ATHENA_RESULTS = "_athena/";

    private static String datePartition(LocalDate date) {
        return "date=" + requireNonNull(date, "date is null") + "/";
    }

    private static String yearPartition(int year) {
        if (year < 1900 || year > 2999) {
            throw new IllegalArgumentException("Cannot build a year partition for " + year);
        }
        return "year=" + year + "/";
    }

    private static String requireName(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("Invalid state name '" + name
                    + "': use lower-case letters, digits, '.', '_' and '-'");
        }
        return ObjectKeys.requireValid(name);
    }
}
