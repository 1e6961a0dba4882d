package io.barlake.fetchers.source;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Polygon flat files ({@code us_stocks_sip/day_aggs_v1/YYYY/MM/YYYY-MM-DD.csv.gz}, gzipped or
 * not) from a local folder, for paid-plan users backfilling years at once. Each file becomes the
 * grouped-daily JSON Polygon's API would have returned ({@code T, v, o, c, h, l, t, n}; the
 * {@code window_start} nanoseconds become {@code t} milliseconds). Values that are not numbers
 * are kept as text, so validation refuses those records with a reason instead of losing them.
 * Flat files carry no reference data: tickers and splits come back empty.
 */
public final class FlatFilesSource implements MarketDataSource {
    private static final Pattern FILE = Pattern.compile("(\\d{4}-\\d{2}-\\d{2})\\.csv(\\.gz)?");
    private static final List<String> COLUMNS = List.of("ticker", "volume", "open", "close", "high", "low",
            "window_start", "transactions");
    private static final JsonFactory JSON = new JsonFactory();

    private final Path folder;
    private final Map<LocalDate, Path> files = new TreeMap<>();

    /** Indexes every {@code YYYY-MM-DD.csv[.gz]} below the folder. */
    public FlatFilesSource(Path folder) {
        this.folder = requireNonNull(folder, "folder is null").toAbsolutePath().normalize();
        if (!Files.isDirectory(this.folder)) {
            throw new IllegalArgumentException("Cannot read flat files: " + this.folder + " is not a folder");
        }
        try (Stream<Path> paths = Files.walk(this.folder)) {
            paths.filter(Files::isRegularFile).forEach(path -> {
                Matcher matcher = FILE.matcher(path.getFileName().toString());
                if (matcher.matches()) {
                    try {
                        files.putIfAbsent(LocalDate.parse(matcher.group(1)), path);
                    } catch (DateTimeParseException notADate) {
                        // a file named like a date that is not one is not a day file
                    }
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read flat files in " + this.folder + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String name() {
        return "flatfiles";
    }

    @Override
    public String description() {
        return "Polygon flat files in " + folder + " (" + files.size() + " days)";
    }

    @Override
    public SessionResponse groupedDaily(LocalDate session) {
        Path file = files.get(session);
        if (file == null) {
            throw new SessionUnavailableException("Cannot read flat file for " + session + ": no " + session
                    + ".csv.gz or " + session + ".csv below " + folder);
        }
        String relative = folder.relativize(file).toString();
        try (InputStream raw = Files.newInputStream(file);
             InputStream in = file.getFileName().toString().endsWith(".gz") ? new GZIPInputStream(raw) : raw;
             CSVParser csv = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true).get()
                     .parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)))) {
            List<String> missing = COLUMNS.stream().filter(column -> !csv.getHeaderMap().containsKey(column)).toList();
            if (!missing.isEmpty()) {
                throw new IllegalArgumentException("Cannot read flat file " + relative + ": missing column(s) " + missing
                        + " (expected header " + String.join(",", COLUMNS) + ")");
            }
            return new SessionResponse(session, toGroupedJson(csv, session), "flat file " + relative);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read flat file " + relative + ": " + e.getMessage(), e);
        }
    }

    @Override
    public ReferenceSnapshot tickers(LocalDate asOf) {
        return new ReferenceSnapshot(List.of(), "flat files carry no ticker reference data");
    }

    @Override
    public ReferenceSnapshot splits(LocalDate asOf) {
        return new ReferenceSnapshot(List.of(), "flat files carry no split data");
    }

    @Override
    public ReferenceSnapshot dividends(LocalDate asOf, LocalDate from, LocalDate to) {
        return new ReferenceSnapshot(List.of(), "flat files carry no dividend data");
    }

    private static byte[] toGroupedJson(CSVParser csv, LocalDate session) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int count = 0;
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.writeStartObject();
            json.writeBooleanField("adjusted", false);
            json.writeArrayFieldStart("results");
            for (CSVRecord row : csv) {
                json.writeStartObject();
                json.writeStringField("T", row.get("ticker"));
                number(json, "v", row.get("volume"));
                number(json, "o", row.get("open"));
                number(json, "c", row.get("close"));
                number(json, "h", row.get("high"));
                number(json, "l", row.get("low"));
                String windowStart = row.get("window_start");
                try {
                    json.writeNumberField("t", Long.parseLong(windowStart) / 1_000_000L);
                } catch (NumberFormatException e) {
                    json.writeStringField("t", windowStart);
                }
                number(json, "n", row.get("transactions"));
                json.writeEndObject();
                count++;
            }
            json.writeEndArray();
            json.writeNumberField("resultsCount", count);
            json.writeStringField("status", "OK");
            json.writeStringField("request_id", "flatfile-" + session);
            json.writeEndObject();
        }
        return out.toByteArray();
    }

    private static void number(JsonGenerator json, String field, String text) throws IOException {
        if (text == null || text.isEmpty()) {
            json.writeNullField(field);
            return;
        }
        try {
            if (text.matches("-?\\d{1,18}")) {
                json.writeNumberField(field, Long.parseLong(text));
            } else {
                double value = Double.parseDouble(text);
                if (Double.isFinite(value)) {
                    json.writeNumberField(field, value);
                } else {
                    json.writeStringField(field, text); // NaN/Infinity are not JSON numbers
                }
            }
        } catch (NumberFormatException e) {
            json.writeStringField(field, text);
        }
    }
}
