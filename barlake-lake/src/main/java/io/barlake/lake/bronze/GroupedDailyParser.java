package io.barlake.lake.bronze;

import static java.util.Objects.requireNonNull;

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
import java.util.Set;

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
    private static final ObjectMapper JSON = new ObjectMapper();

    private final TradingCalendar calendar;

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

    /** Parses and validates one session's response body. */
    public ParsedSession parse(byte[] body, LocalDate session, String source, Instant ingestedAt) {
        requireNonNull(session, "session is null");
        JsonNode results = results(body);
        boolean isSession = calendar.isSession(session);
        List<DailyBar> accepted = new ArrayList<>(results.size());
        List<Rejection> refused = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (JsonNode record : results) {
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
        return new ParsedSession(session, accepted, refused);
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
