package io.barlake.signals.lambda;

import io.barlake.lake.state.StageEvents;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;

/**
 * A deployed execution's history told as {@link StageEvents}, with the events' own times: a state
 * entered, left, failed, a task tried again. {@code barlake aws --wait} draws its progress from it
 * and the run report on AWS lists its stages from it, as the local executor tells its own. Events
 * name their state when it is entered and left; every other event points back to the one before it
 * in the same state ({@code previousEventId}), which is how a failure or a retry finds its state.
 */
public final class ExecutionHistoryReplay {
    private final StageEvents sink;
    /** Event id → the state it belongs to. */
    private final Map<Long, String> stateOf = new HashMap<>();
    private final Map<String, String> typeOf = new HashMap<>();
    /** The last failure of a state still open (error, cause), and how many times its task was scheduled. */
    private final Map<String, String[]> failure = new HashMap<>();
    private final Map<String, Integer> attempts = new HashMap<>();
    /** Parallel states entered and not yet left, innermost last: a {@code ParallelStateFailed} names none. */
    private final Deque<String> openParallels = new ArrayDeque<>();
    /** States entered and not left, in the order entered. */
    private final Map<String, String> open = new LinkedHashMap<>();
    private long lastId;
    private Instant lastTime;

    public ExecutionHistoryReplay(StageEvents sink) {
        this.sink = sink;
    }

    /** Every event of an execution's history, all pages, oldest first. */
    public static List<HistoryEvent> history(software.amazon.awssdk.services.sfn.SfnClient sfn, String execution) {
        List<HistoryEvent> events = new ArrayList<>();
        String token = null;
        do {
            String next = token;
            var page = sfn.getExecutionHistory(request -> request.executionArn(execution).maxResults(1000).nextToken(next));
            events.addAll(page.events());
            token = page.nextToken();
        } while (token != null);
        return events;
    }

    /** Tells the events after those already told, in order. */
    public void tell(Iterable<HistoryEvent> events) {
        for (HistoryEvent event : events) {
            if (event.id() <= lastId) {
                continue;
            }
            lastId = event.id();
            lastTime = event.timestamp();
            tell(event);
        }
    }

    private void tell(HistoryEvent event) {
        String type = event.typeAsString();
        Instant at = event.timestamp();
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
            sink.entered(name, stateType, at);
            return;
        }
        if (type.endsWith("StateExited")) {
            // Exits carry their state's name: a Parallel's exit follows its branches' last events.
            String name = event.stateExitedEventDetails().name();
            stateOf.put(event.id(), name);
            openParallels.remove(name);
            open.remove(name);
            String[] failed = failure.remove(name);
            if (failed != null) {
                sink.failed(name, typeOf.get(name), failed[0], failed[1], at);
            } else {
                sink.succeeded(name, typeOf.get(name), event.stateExitedEventDetails().output(), at);
            }
            return;
        }
        if ((type.equals("ParallelStateFailed") || type.equals("ParallelStateSucceeded")) && !openParallels.isEmpty()) {
            String name = openParallels.peekLast();
            stateOf.put(event.id(), name);
            if (type.equals("ParallelStateFailed")) {
                failure.put(name, new String[] {"States.BranchFailed", "a branch of " + name + " failed"});
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
            String[] failed = failure.remove(state);
            if (attempt > 1 && failed != null) {
                sink.retrying(state, failed[0], failed[1], attempt, at);
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
    public void finish() {
        List<String> names = new ArrayList<>(open.keySet());
        Collections.reverse(names); // innermost first, as they failed
        for (String name : names) {
            String[] failed = failure.remove(name);
            if (failed != null) {
                sink.failed(name, open.get(name), failed[0], failed[1], lastTime);
            }
        }
        open.clear();
    }

    private static String[] error(HistoryEvent event) {
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
        return new String[] {error == null ? "States.TaskFailed" : error, cause == null ? event.typeAsString() : cause};
    }
}
