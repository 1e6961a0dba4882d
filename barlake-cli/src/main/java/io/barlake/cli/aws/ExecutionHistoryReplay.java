package io.barlake.cli.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import io.barlake.statemachine.asl.ExecutionListener;
import io.barlake.statemachine.asl.StatesError;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;

/**
 * A deployed execution's history events told to an {@link ExecutionListener}, as the local
 * executor tells its own: a state entered, left, failed, a task tried again. So the progress bars
 * and lines of {@code barlake aws … --wait} are those of {@code barlake run}. Events name their
 * state only when it is entered; every later event points back to the one before it in the same
 * state ({@code previousEventId}), which is how each failure and retry finds its state.
 */
final class ExecutionHistoryReplay {
    private final ExecutionListener listener;
    /** Event id → the state it belongs to. */
    private final Map<Long, String> stateOf = new HashMap<>();
    private final Map<String, String> typeOf = new HashMap<>();
    /** The last failure of a state still open, and how many times its task was scheduled. */
    private final Map<String, StatesError> failure = new HashMap<>();
    private final Map<String, Integer> attempts = new HashMap<>();
    /** Parallel states entered and not yet left, innermost last: a {@code ParallelStateFailed} names none. */
    private final java.util.Deque<String> openParallels = new java.util.ArrayDeque<>();
    /** States entered and not left, in the order entered. */
    private final Map<String, String> open = new java.util.LinkedHashMap<>();
    private long lastId;

    ExecutionHistoryReplay(ExecutionListener listener) {
        this.listener = listener;
    }

    /** The id of the last event told: the next page of history starts after it. */
    long lastId() {
        return lastId;
    }

    /** Tells the events after {@link #lastId()}, in order. */
    void tell(Iterable<HistoryEvent> events) {
        for (HistoryEvent event : events) {
            if (event.id() <= lastId) {
                continue;
            }
            lastId = event.id();
            tell(event);
        }
    }

    private void tell(HistoryEvent event) {
        String type = event.typeAsString();
        if (type.endsWith("StateEntered")) {
            String name = event.stateEnteredEventDetails().name();
            String stateType = type.substring(0, type.length() - "StateEntered".length());
            stateOf.put(event.id(), name);
            typeOf.put(name, stateType);
            failure.remove(name);
            attempts.remove(name);
            if (stateType.equals("Parallel")) {
                openParallels.addLast(name);
            }
            open.put(name, stateType);
            listener.stateEntered(name, stateType);
            return;
        }
        if (type.endsWith("StateExited")) {
            // Exits carry their state's name: a Parallel's exit follows its branches' last events.
            String name = event.stateExitedEventDetails().name();
            stateOf.put(event.id(), name);
            openParallels.remove(name);
            open.remove(name);
            StatesError failed = failure.remove(name);
            if (failed != null) {
                listener.stateFailed(name, typeOf.get(name), failed);
            } else {
                listener.stateSucceeded(name, typeOf.get(name), output(event));
            }
            return;
        }
        if ((type.equals("ParallelStateFailed") || type.equals("ParallelStateSucceeded")) && !openParallels.isEmpty()) {
            String name = openParallels.peekLast();
            stateOf.put(event.id(), name);
            if (type.equals("ParallelStateFailed")) {
                failure.put(name, new StatesError(StatesError.BRANCH_FAILED, "a branch of " + name + " failed"));
            }
            return;
        }
        String state = event.previousEventId() == null ? null : stateOf.get(event.previousEventId());
        if (state == null) {
            return; // execution-level events
        }
        stateOf.put(event.id(), state);
        if (type.endsWith("Scheduled")) {
            int attempt = attempts.merge(state, 1, Integer::sum);
            StatesError failed = failure.remove(state);
            if (attempt > 1 && failed != null) {
                listener.retrying(state, failed, attempt, Duration.ZERO);
            }
        } else if (type.endsWith("Failed") || type.endsWith("TimedOut")) {
            failure.put(state, error(event));
        } else if (type.endsWith("Succeeded")) {
            failure.remove(state);
        }
    }

    /**
     * Once the execution has ended: the states that failed and were never left (a task whose
     * failure failed its branch, a state the failure stopped in) are told as failed.
     */
    void finish() {
        java.util.List<String> names = new java.util.ArrayList<>(open.keySet());
        java.util.Collections.reverse(names); // innermost first, as they failed
        for (String name : names) {
            StatesError failed = failure.remove(name);
            if (failed != null) {
                listener.stateFailed(name, open.get(name), failed);
            }
        }
        open.clear();
    }

    private static JsonNode output(HistoryEvent event) {
        try {
            String output = event.stateExitedEventDetails().output();
            return output == null ? NullNode.getInstance() : io.barlake.lake.state.LakeJson.mapper().readTree(output);
        } catch (java.io.IOException e) {
            return NullNode.getInstance(); // an output too large for the history is left out by the service: nothing to show
        }
    }

    private static StatesError error(HistoryEvent event) {
        String error = null;
        String cause = null;
        if (event.taskFailedEventDetails() != null) {
            error = event.taskFailedEventDetails().error();
            cause = event.taskFailedEventDetails().cause();
        } else if (event.taskTimedOutEventDetails() != null) {
            error = event.taskTimedOutEventDetails().error();
            cause = event.taskTimedOutEventDetails().cause();
        } else if (event.lambdaFunctionFailedEventDetails() != null) {
            error = event.lambdaFunctionFailedEventDetails().error();
            cause = event.lambdaFunctionFailedEventDetails().cause();
        } else if (event.lambdaFunctionTimedOutEventDetails() != null) {
            error = event.lambdaFunctionTimedOutEventDetails().error();
            cause = event.lambdaFunctionTimedOutEventDetails().cause();
        }
        return new StatesError(error == null ? StatesError.TASK_FAILED : error, cause == null ? event.typeAsString() : cause);
    }
}
