package io.barlake.signals.brief;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Who writes the morning narrative of a session from its {@code summary.json}. The template's
 * sentences ({@code summary.narrative}) are the default and the fallback: the lake keeps only
 * those, so gold stays the same bytes for the same data; a model's text goes to the e-mail only.
 */
public interface Narrator {
    /** The template's words, as the summary holds them. */
    Narrator TEMPLATE = summary -> summary.path("narrative").asText();

    /** A few sentences about the session; never null, never throws. */
    String narrate(JsonNode summary);
}
