package io.barlake.statemachine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one definition of the pipeline, {@code io/barlake/statemachine/pipeline.asl.json}, with its
 * {@code ${Placeholder}}s: the CDK app renders it with ARNs, the local executor with its own
 * bindings. Rendering refuses a binding set that is not exactly {@link Placeholder}'s.
 */
public final class PipelineDefinition {
    /** Where the definition lives on the class path. */
    public static final String RESOURCE = "io/barlake/statemachine/pipeline.asl.json";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z0-9]+)}");

    private PipelineDefinition() {}

    /** The definition as written, placeholders included. */
    public static String text() {
        try (InputStream in = PipelineDefinition.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The placeholder names the definition uses. */
    public static Set<String> placeholders(String text) {
        Set<String> names = new TreeSet<>();
        Matcher matcher = PLACEHOLDER.matcher(text);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }

    /** The definition with every placeholder replaced; {@code values} must bind exactly {@link Placeholder#names()}. */
    public static String render(Map<Placeholder, String> values) {
        Set<String> bound = new TreeSet<>();
        values.keySet().forEach(key -> bound.add(key.name()));
        if (!bound.equals(Placeholder.names())) {
            Set<String> missing = new TreeSet<>(Placeholder.names());
            missing.removeAll(bound);
            throw new IllegalArgumentException("Every placeholder needs a value; missing: " + missing);
        }
        String text = text();
        for (Map.Entry<Placeholder, String> value : values.entrySet()) {
            text = text.replace("${" + value.getKey().name() + "}", value.getValue());
        }
        return text;
    }

    /** The rendered definition, parsed. */
    public static JsonNode parse(String rendered) {
        try {
            return new ObjectMapper().readTree(rendered);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The pipeline definition is not valid JSON: " + e.getOriginalMessage(), e);
        }
    }
}
