package io.barlake.analytics.strategy;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;
import java.util.ArrayList;
import java.util.List;

/**
 * The published schema ({@link CompositeStrategies#schema()}, its indicator names from the
 * catalogue) applied to every document by a JSON Schema validator written by others
 * (networknt's, draft 2020-12). The parser's own walk gives the richer messages (ranges,
 * arities, suggestions); the validator's findings are added where the walk found nothing at or
 * around the same path, so a document the schema refuses is never accepted, and the two cannot
 * drift apart unnoticed.
 */
final class StrategySchema {
    private StrategySchema() {}

    /** Compiled once, on first use. */
    private static final class Compiled {
        static final Schema SCHEMA = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                .getSchema(CompositeStrategies.schema(), com.networknt.schema.InputFormat.JSON);
    }

    /** What the validator finds in {@code document}, each at the parser's path notation. */
    static List<StrategyConfigException.Problem> problems(JsonNode document) {
        List<StrategyConfigException.Problem> found = new ArrayList<>();
        for (Error error : Compiled.SCHEMA.validate(document)) {
            found.add(new StrategyConfigException.Problem(path(error.getInstanceLocation()), message(error)));
        }
        return found;
    }

    /** The validator's findings at paths where none of {@code known} is, nor any path inside or around them. */
    static List<StrategyConfigException.Problem> beyond(JsonNode document, List<StrategyConfigException.Problem> known) {
        List<StrategyConfigException.Problem> more = new ArrayList<>();
        for (StrategyConfigException.Problem problem : problems(document)) {
            boolean covered = known.stream().anyMatch(k -> related(k.path(), problem.path()))
                    || more.stream().anyMatch(m -> m.path().equals(problem.path()));
            if (!covered) {
                more.add(problem);
            }
        }
        return more;
    }

    private static boolean related(String a, String b) {
        return a.equals(b) || inside(a, b) || inside(b, a);
    }

    private static boolean inside(String inner, String outer) {
        return outer.isEmpty() || inner.startsWith(outer + ".") || inner.startsWith(outer + "[");
    }

    private static String path(NodePath location) {
        StringBuilder path = new StringBuilder();
        for (int i = 0; i < location.getNameCount(); i++) {
            Object element = location.getElement(i);
            if (element instanceof Integer index) {
                path.append('[').append(index).append(']');
            } else {
                path.append(path.length() == 0 ? "" : ".").append(element);
            }
        }
        return path.toString();
    }

    /** The validator's message without the location it starts with (the path is printed before it). */
    private static String message(Error error) {
        String message = error.getMessage();
        String location = error.getInstanceLocation().toString();
        return (message.startsWith(location + ": ") ? message.substring(location.length() + 2) : message)
                + " (schema " + error.getEvaluationPath() + ")";
    }
}
