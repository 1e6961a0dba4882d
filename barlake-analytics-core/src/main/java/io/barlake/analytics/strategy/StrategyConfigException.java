package io.barlake.analytics.strategy;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A composite strategy that cannot be built, with every problem found, each at its JSON path
 * (e.g. {@code components.trigger.expression.left.indicator: unknown indicator 'EMAA'; did you
 * mean 'EMA'?}). The message lists them one per line.
 */
public final class StrategyConfigException extends RuntimeException {
    /** One problem: where in the document, and what is wrong there. */
    public record Problem(String path, String message) {
        @Override
        public String toString() {
            return path.isEmpty() ? message : path + ": " + message;
        }
    }

    private final List<Problem> problems;

    public StrategyConfigException(List<Problem> problems) {
        super(problems.stream().map(Problem::toString).collect(Collectors.joining("\n")), null, false, false);
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }
}
