package io.barlake.fetchers.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import io.barlake.fetchers.bronze.FetchMode;
import io.barlake.fetchers.bronze.FetchRequest;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/** Reads the state machine's event JSON into a {@link FetchRequest}, naming any bad field. */
final class FetchEvents {
    private FetchEvents() {}

    static FetchRequest barsRequest(JsonNode event) {
        if (event == null || !event.isObject()) {
            throw new IllegalArgumentException("Invalid fetch event: expected a JSON object such as {\"mode\":\"nightly\"}");
        }
        String mode = event.path("mode").asText("nightly").toUpperCase(Locale.ROOT);
        FetchMode fetchMode;
        try {
            fetchMode = FetchMode.valueOf(mode);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Invalid fetch event: 'mode' must be nightly or backfill, was '"
                    + event.path("mode").asText() + "'");
        }
        return new FetchRequest(fetchMode, date(event, "date"), date(event, "from"), date(event, "to"),
                date(event, "next"), event.path("refetch").asBoolean(false));
    }

    static LocalDate date(JsonNode event, String field) {
        JsonNode value = event.get(field);
        if (value == null || value.isNull() || (value.isTextual() && value.asText().isBlank())) {
            return null;
        }
        try {
            return LocalDate.parse(value.asText());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("Invalid fetch event: '" + field + "' is not a date (YYYY-MM-DD): '"
                    + value.asText() + "'");
        }
    }
}
