package io.barlake.serving.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * The API's JSON: dates as {@code YYYY-MM-DD}; bodies read with tight limits (nesting depth,
 * string and number lengths) so a hostile body is a 400, not a stack overflow or a slow parse.
 */
public final class ApiJson {
    /** Deeper than any composite strategy can be (its own limit is 12 levels of logic). */
    public static final int MAX_DEPTH = 64;

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            .build();

    static {
        MAPPER.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(MAX_DEPTH).maxStringLength(100_000).maxNumberLength(50).build());
    }

    private ApiJson() {}

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    public static byte[] write(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write the response as JSON", e);
        }
    }

    /** The body as JSON; anything unreadable is a 400 that says why in a few words, never the parser's text. */
    public static JsonNode read(byte[] body) {
        if (body.length == 0) {
            throw ApiException.badRequest("the body is empty; a JSON object is expected");
        }
        try {
            return MAPPER.readTree(body);
        } catch (com.fasterxml.jackson.core.exc.StreamConstraintsException e) {
            throw ApiException.badRequest("the body is nested deeper than " + MAX_DEPTH + " levels or holds an oversized value");
        } catch (java.io.IOException e) {
            throw ApiException.badRequest("the body is not valid JSON");
        }
    }
}
