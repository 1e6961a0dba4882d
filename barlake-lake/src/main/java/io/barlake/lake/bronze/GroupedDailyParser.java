package io.barlake.lake.bronze;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.barlake.lake.calendar.TradingCalendar;
import io.barlake.lake.model.DailyBar;
import io.barlake.lake.model.InvalidRecordException;
import io.barlake.lake.model.Symbols;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads a Polygon grouped-daily response ({@code {status, resultsCount, results:[{T,o,h,l,c,v,vw,n,t}]}})
 * and applies the validation rules of DESIGN.md to every record.
 *
 * <p>A response whose shape is wrong as a whole throws {@link MalformedResponseException}. A
 * record is refused, with a reason, when a field is missing or not a number, a price is not a
 * finite number &gt; 0, {@code low > min(open, close)}, {@code high < max(open, close)}, the volume
 * is negative, the symbol is not a valid ticker after upper-casing, its timestamp falls on another
 * day than the session, the symbol appears twice, or the session is not an NYSE session.
 */
public final class GroupedDailyParser {
    // The fast double parser rounds exactly as Double.parseDouble does, in a fraction of the time.
    private static final ObjectMapper JSON = new ObjectMapper(JsonFactory.builder()
            .enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER).build());

    /** Enough for every ticker the vendor has ever listed; beyond it tickers are simply not shared. */
    private static final int SHARED_SYMBOLS_LIMIT = 100_000;

    private final TradingCalendar calendar;
    // One String per ticker across sessions: a consolidation holds a year of bars, 2.5 M rows and more.
    private final Map<String, String> sharedSymbols = new ConcurrentHashMap<>();

    public GroupedDailyParser(TradingCalendar calendar) {
        this.calendar = requireNonNull(calendar, "calendar is null");
    }

    /**
     * Checks the response's shape and returns its {@code results} array (empty for a day without
     * records, when Polygon omits {@code results} and reports {@code resultsCount} 0).
     */
    public static JsonNode results(byte[] body) {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (IOException e) {
            throw new MalformedResponseException("not valid JSON (" + firstLine(e.getMessage()) + ")", e);
        }
        if (root == null || !root.isObject()) {
            throw new MalformedResponseException("expected a JSON object, got " + (root == null ? "nothing" : root.getNodeType()));
        }
        JsonNode status = root.get("status");
        if (status != null && status.isTextual() && status.asText().equals("ERROR")) {
            throw new MalformedResponseException("status ERROR: " + root.path("error").asText(root.path("message").asText("")));
        }
        JsonNode results = root.get("results");
        if (results == null || results.isNull()) {
            JsonNode count = root.get("resultsCount");
            if (count != null && count.isNumber() && count.asLong() == 0) {
                return JSON.createArrayNode();
            }
            throw new MalformedResponseException("'results' is missing (resultsCount " + (count == null ? "absent" : count) + ")");
        }
        if (!results.isArray()) {
            throw new MalformedResponseException("'results' is not an array but " + results.getNodeType());
        }
        return results;
    }

    /**
     * Parses and validates one session's response body.
     *
     * <p>Records are read with Jackson's streaming parser; any record that is not plainly
     * acceptable (a field of another type, a validation failure, a duplicate) and any response of
     * an unusual shape are judged again from the JSON tree, so the reasons and the refused records'
     * text are the tree's in every case.
     */
    public ParsedSession parse(byte[] body, LocalDate session, String source, Instant ingestedAt) {
        requireNonNull(session, "session is null");
        if (calendar.isSession(session)) {
            ParsedSession streamed = streamed(body, session, source, ingestedAt);
            if (streamed != null) {
                return streamed;
            }
        }
        return fromTree(body, session, source, ingestedAt);
    }

    /** The same session judged from the whole JSON tree: the reference the streaming pass must agree with. */
    ParsedSession fromTree(byte[] body, LocalDate session, String source, Instant ingestedAt) {
        JsonNode results = results(body);
        boolean isSession = calendar.isSession(session);
        List<DailyBar> accepted = new ArrayList<>(results.size());
        List<Rejection> refused = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (JsonNode record : results) {
            judge(record, isSession, session, source, ingestedAt, seen, accepted, refused);
        }
        return new ParsedSession(session, accepted, refused);
    }

    private void judge(JsonNode record, boolean isSession, LocalDate session, String source, Instant ingestedAt,
            Set<String> seen, List<DailyBar> accepted, List<Rejection> refused) {
        String rawSymbol = record.path("T").isTextual() ? record.get("T").asText() : null;
        try {
            if (!isSession) {
                throw new InvalidRecordException(session + " is not an NYSE session");
            }
            DailyBar bar = toBar(record, session, source, ingestedAt);
            if (!seen.add(bar.symbol())) {
                throw new InvalidRecordException("duplicate symbol " + bar.symbol() + " in the session");
            }
            accepted.add(bar);
        } catch (InvalidRecordException e) {
            refused.add(new Rejection(session, rawSymbol, e.getMessage(), record.toString()));
        }
    }

    /**
     * The streaming pass: {@code null} when the response is not a plain object with a
     * {@code results} array (or says {@code status: ERROR}, or is not valid JSON), so the tree path
     * gives its exact error.
     */
    private ParsedSession streamed(byte[] body, LocalDate session, String source, Instant ingestedAt) {
        List<DailyBar> accepted = new ArrayList<>();
        List<Rejection> refused = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        boolean sawResults = false;
        long dayStart = session.atStartOfDay(TradingCalendar.NEW_YORK).toInstant().toEpochMilli();
        long dayEnd = session.plusDays(1).atStartOfDay(TradingCalendar.NEW_YORK).toInstant().toEpochMilli();
        try (JsonParser json = JSON.getFactory().createParser(body)) {
            if (json.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            while (json.nextToken() == JsonToken.FIELD_NAME) {
                String field = json.currentName();
                JsonToken value = json.nextToken();
                if (field.equals("status") && value == JsonToken.VALUE_STRING && json.getText().equals("ERROR")) {
                    return null;
                }
                if (!field.equals("results")) {
                    json.skipChildren();
                    continue;
                }
                if (value != JsonToken.START_ARRAY || sawResults) {
                    return null;
                }
                sawResults = true;
                for (JsonToken element = json.nextToken(); element != JsonToken.END_ARRAY; element = json.nextToken()) {
                    if (element != JsonToken.START_OBJECT) {
                        return null;
                    }
                    int start = Math.toIntExact(json.currentTokenLocation().getByteOffset());
                    DailyBar bar = plainRecord(json, session, dayStart, dayEnd, source, ingestedAt);
                    if (bar != null && seen.add(bar.symbol())) {
                        accepted.add(bar);
                    } else {
                        int end = Math.toIntExact(json.currentLocation().getByteOffset());
                        judge(JSON.readTree(body, start, end - start), true, session, source, ingestedAt, seen, accepted,
                                refused);
                    }
                }
            }
        } catch (IOException e) {
            return null;
        }
        return sawResults ? new ParsedSession(session, accepted, refused) : null;
    }

    /**
     * Reads one record object up to its end; returns its bar when every field is of the plain type
     * and the bar is valid, else {@code null} (the caller then judges the record from its tree).
     */
    private DailyBar plainRecord(JsonParser json, LocalDate session, long dayStart, long dayEnd, String source,
            Instant ingestedAt)
            throws IOException {
        String symbol = null;
        double open = Double.NaN;
        double high = Double.NaN;
        double low = Double.NaN;
        double close = Double.NaN;
        double volume = Double.NaN;
        Double vwap = null;
        Long transactions = null;
        Long timestamp = null;
        boolean plain = true;
        while (json.nextToken() == JsonToken.FIELD_NAME) {
            String field = json.currentName();
            JsonToken value = json.nextToken();
            switch (field) {
                case "T" -> {
                    symbol = value == JsonToken.VALUE_STRING ? json.getText() : null;
                    plain &= symbol != null;
                    json.skipChildren();
                }
                case "o" -> open = plainNumber(json, value);
                case "h" -> high = plainNumber(json, value);
                case "l" -> low = plainNumber(json, value);
                case "c" -> close = plainNumber(json, value);
                case "v" -> volume = plainNumber(json, value);
                case "vw" -> {
                    vwap = value == JsonToken.VALUE_NULL ? null : plainNumber(json, value);
                    plain &= vwap == null || !vwap.isNaN();
                }
                case "n" -> {
                    transactions = value == JsonToken.VALUE_NULL ? null : plainLong(json, value, true);
                    plain &= value == JsonToken.VALUE_NULL || transactions != null;
                }
                case "t" -> {
                    timestamp = value == JsonToken.VALUE_NULL ? null : plainLong(json, value, false);
                    plain &= value == JsonToken.VALUE_NULL || timestamp != null;
                }
                default -> json.skipChildren();
            }
        }
        // NaN marks a missing or non-numeric field: JSON has no NaN, so no real value is lost.
        if (!plain || symbol == null || Double.isNaN(open) || Double.isNaN(high) || Double.isNaN(low) || Double.isNaN(close)
                || Double.isNaN(volume)) {
            return null;
        }
        try {
            String cleaned = shared(Symbols.requireValid(Symbols.clean(symbol)));
            if (timestamp != null && (timestamp < dayStart || timestamp >= dayEnd)) { // not on the session's New York day
                return null;
            }
            return new DailyBar(cleaned, session, open, high, low, close, volume, vwap, transactions, source, ingestedAt);
        } catch (InvalidRecordException e) {
            return null;
        }
    }

    private String shared(String symbol) {
        String known = sharedSymbols.get(symbol);
        if (known != null) {
            return known;
        }
        if (sharedSymbols.size() < SHARED_SYMBOLS_LIMIT) {
            sharedSymbols.putIfAbsent(symbol, symbol);
        }
        return symbol;
    }

    private static double plainNumber(JsonParser json, JsonToken value) throws IOException {
        boolean number = value == JsonToken.VALUE_NUMBER_FLOAT
                || value == JsonToken.VALUE_NUMBER_INT && json.getNumberType() != JsonParser.NumberType.BIG_INTEGER;
        if (!number) {
            json.skipChildren();
            return Double.NaN;
        }
        return json.getDoubleValue();
    }

    /** A whole number that fits a long, or {@code null}; a float with no fraction counts only where {@code wholeFloat}. */
    private static Long plainLong(JsonParser json, JsonToken value, boolean wholeFloat) throws IOException {
        if (value == JsonToken.VALUE_NUMBER_INT && json.getNumberType() != JsonParser.NumberType.BIG_INTEGER) {
            return json.getLongValue();
        }
        if (wholeFloat && value == JsonToken.VALUE_NUMBER_FLOAT) {
            double number = json.getDoubleValue();
            return number == Math.rint(number) && Math.abs(number) < 0x1p53 ? (long) number : null;
        }
        json.skipChildren();
        return null;
    }

    private DailyBar toBar(JsonNode record, LocalDate session, String source, Instant ingestedAt) {
        if (!record.isObject()) {
            throw new InvalidRecordException("record is not a JSON object");
        }
        JsonNode symbolNode = record.get("T");
        if (symbolNode == null || symbolNode.isNull()) {
            throw new InvalidRecordException("field 'T' (symbol) is missing");
        }
        if (!symbolNode.isTextual()) {
            throw new InvalidRecordException("field 'T' (symbol) is not a string: " + symbolNode);
        }
        String symbol = Symbols.requireValid(Symbols.clean(symbolNode.asText()));
        double open = number(record, "o");
        double high = number(record, "h");
        double low = number(record, "l");
        double close = number(record, "c");
        double volume = number(record, "v");
        Double vwap = optionalNumber(record, "vw");
        Long transactions = optionalLong(record, "n");
        JsonNode timestamp = record.get("t");
        if (timestamp != null && !timestamp.isNull()) {
            if (!timestamp.isIntegralNumber()) {
                throw new InvalidRecordException("field 't' (timestamp) is not an integer: " + timestamp);
            }
            LocalDate day = Instant.ofEpochMilli(timestamp.asLong()).atZone(TradingCalendar.NEW_YORK).toLocalDate();
            if (!day.equals(session)) {
                throw new InvalidRecordException("timestamp t=" + timestamp.asLong() + " falls on " + day
                        + ", not on the session " + session);
            }
        }
        return new DailyBar(symbol, session, open, high, low, close, volume, vwap, transactions, source, ingestedAt);
    }

    private static double number(JsonNode record, String field) {
        Double value = optionalNumber(record, field);
        if (value == null) {
            throw new InvalidRecordException("field '" + field + "' is missing");
        }
        return value;
    }

    private static Double optionalNumber(JsonNode record, String field) {
        JsonNode value = record.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isNumber()) {
            throw new InvalidRecordException("field '" + field + "' is not a number: " + value);
        }
        return value.asDouble();
    }

    private static Long optionalLong(JsonNode record, String field) {
        JsonNode value = record.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isNumber() || value.asDouble() != Math.rint(value.asDouble())) {
            throw new InvalidRecordException("field '" + field + "' is not a whole number: " + value);
        }
        return value.asLong();
    }

    private static String firstLine(String message) {
        return message == null ? "" : message.lines().findFirst().orElse("");
    }
}
