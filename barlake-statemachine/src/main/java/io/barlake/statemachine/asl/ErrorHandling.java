package io.barlake.statemachine.asl;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/** A state's {@code Retry} and {@code Catch} fields, with the specification's matching and back-off. */
final class ErrorHandling {
    /** One retrier, with the specification's defaults. */
    record Retrier(List<String> errors, double intervalSeconds, int maxAttempts, double backoffRate,
            Double maxDelaySeconds, boolean fullJitter) {
        static Retrier of(JsonNode node) {
            return new Retrier(names(node), node.path("IntervalSeconds").asDouble(1), node.path("MaxAttempts").asInt(3),
                    node.path("BackoffRate").asDouble(2.0),
                    node.has("MaxDelaySeconds") ? node.get("MaxDelaySeconds").asDouble() : null,
                    "FULL".equals(node.path("JitterStrategy").asText("NONE")));
        }

        /** The wait before retry number {@code retry} (1 for the first): interval × rate^(retry−1), capped, jittered. */
        Duration delay(int retry, RandomGenerator random) {
            double seconds = intervalSeconds * Math.pow(backoffRate, retry - 1);
            if (maxDelaySeconds != null) {
                seconds = Math.min(seconds, maxDelaySeconds);
            }
            if (fullJitter) {
                seconds = random.nextDouble() * seconds;
            }
            return Duration.ofNanos((long) (seconds * 1e9));
        }
    }

    /** One catcher. */
    record Catcher(List<String> errors, JsonNode resultPath, boolean hasResultPath, String next) {
        static Catcher of(JsonNode node) {
            return new Catcher(names(node), node.get("ResultPath"), node.has("ResultPath"), node.path("Next").asText());
        }
    }

    final List<Retrier> retriers = new ArrayList<>();
    final List<Catcher> catchers = new ArrayList<>();

    ErrorHandling(JsonNode state) {
        state.path("Retry").forEach(node -> retriers.add(Retrier.of(node)));
        state.path("Catch").forEach(node -> catchers.add(Catcher.of(node)));
    }

    /**
     * Whether an {@code ErrorEquals} list takes the error: its name, {@code States.ALL} (anything),
     * or {@code States.TaskFailed} (anything but a timeout).
     */
    static boolean matches(List<String> errorEquals, StatesError error) {
        for (String name : errorEquals) {
            if (name.equals(StatesError.ALL) || name.equals(error.error())
                    || (name.equals(StatesError.TASK_FAILED) && !error.error().equals(StatesError.TIMEOUT))) {
                return true;
            }
        }
        return false;
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.path("ErrorEquals").forEach(name -> names.add(name.asText()));
        return names;
    }
}
