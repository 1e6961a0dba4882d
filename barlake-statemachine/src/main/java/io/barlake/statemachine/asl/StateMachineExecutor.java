package io.barlake.statemachine.asl;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.barlake.lake.batch.WorkerThreads;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

/**
 * Runs an Amazon States Language definition in this process: Pass, Task, Parallel (branches on
 * threads of their own), Choice, Succeed and Fail states; InputPath, Parameters, ResultSelector,
 * ResultPath and OutputPath; Retry (ErrorEquals, IntervalSeconds, MaxAttempts, BackoffRate,
 * MaxDelaySeconds, JitterStrategy) and Catch; the context object ({@code $$.Execution.Id},
 * {@code .Name}, {@code .StartTime}, {@code .Input}, {@code $$.StateMachine.Id}, {@code .Name},
 * {@code $$.State.Name}, {@code .EnteredTime}, {@code .RetryCount}), its times written as AWS writes
 * them (ISO-8601 UTC with milliseconds); the intrinsics of {@link Intrinsics}. Task states go to a
 * {@link TaskHandler}; a Task's {@code TimeoutSeconds} (and {@code HeartbeatSeconds}: a local task
 * sends no heartbeat, so it is a timeout too) ends it with {@code States.Timeout}, and the machine's
 * own {@code TimeoutSeconds} is checked at every state boundary. When a Parallel branch fails, the
 * other branches stop at their next state boundary (and a task of theirs is interrupted). Waits
 * between retries are multiplied by {@code retryTimeScale} (tests make them short without changing
 * the definition). Map and Wait states are not interpreted: the pipeline does not use them.
 */
public final class StateMachineExecutor {
    /** The error of a state that ran past its time. */
    public static final String TIMEOUT = "States.Timeout";
    /** What a branch stopped by a sibling's failure ends with (the Parallel fails with the sibling's error). */
    static final String BRANCH_STOPPED = "States.BranchStopped";

    /** How to wait; tests may record instead of sleeping. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** How Step Functions writes the context object's times: {@code 2026-11-20T21:05:00.000Z}. */
    private static final DateTimeFormatter AWS_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private final JsonNode definition;
    private final String stateMachineId;
    private final TaskHandler tasks;
    private final double retryTimeScale;
    private final Sleeper sleeper;
    private final RandomGenerator random;
    private final Clock clock;

    public StateMachineExecutor(JsonNode definition, String stateMachineId, TaskHandler tasks, double retryTimeScale,
            Sleeper sleeper, RandomGenerator random, Clock clock) {
        this.definition = requireNonNull(definition, "definition is null");
        this.stateMachineId = requireNonNull(stateMachineId, "stateMachineId is null");
        this.tasks = requireNonNull(tasks, "tasks is null");
        if (!(retryTimeScale >= 0)) {
            throw new IllegalArgumentException("retryTimeScale must be zero or more, was " + retryTimeScale);
        }
        this.retryTimeScale = retryTimeScale;
        this.sleeper = requireNonNull(sleeper, "sleeper is null");
        this.random = requireNonNull(random, "random is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    /** Runs one execution to its end. */
    public ExecutionResult execute(String executionName, JsonNode input, ExecutionListener listener) {
        ObjectNode execution = NODES.objectNode();
        execution.put("Id", stateMachineId.replace(":stateMachine:", ":execution:") + ":" + executionName);
        execution.put("Name", executionName);
        Instant started = clock.instant();
        execution.put("StartTime", AWS_TIME.format(started));
        execution.set("Input", input);
        ObjectNode stateMachine = NODES.objectNode();
        stateMachine.put("Id", stateMachineId);
        stateMachine.put("Name", stateMachineId.substring(stateMachineId.lastIndexOf(':') + 1));
        Run run = new Run(executionName, execution, stateMachine, listener, deadline(definition, started));
        ExecutorService branches = Executors.newCachedThreadPool(WorkerThreads.named("asl-branch"));
        try {
            run.branches = branches;
            JsonNode output = run.states(definition, input, () -> false);
            return new ExecutionResult(true, output, null, null);
        } catch (StatesError e) {
            return new ExecutionResult(false, null, e.error(), e.cause());
        } finally {
            branches.shutdownNow();
        }
    }

    /** The machine's {@code TimeoutSeconds} from its start, or null without one. */
    private static Instant deadline(JsonNode definition, Instant started) {
        return definition.has("TimeoutSeconds") ? started.plusSeconds(definition.get("TimeoutSeconds").asLong()) : null;
    }

    /** One execution's state. */
    private final class Run {
        private final String executionName;
        private final ObjectNode execution;
        private final ObjectNode stateMachine;
        private final ExecutionListener listener;
        private final Instant deadline;
        private ExecutorService branches;

        Run(String executionName, ObjectNode execution, ObjectNode stateMachine, ExecutionListener listener, Instant deadline) {
            this.executionName = executionName;
            this.execution = execution;
            this.stateMachine = stateMachine;
            this.listener = listener;
            this.deadline = deadline;
        }

        /**
         * Runs a state list ({@code StartAt} + {@code States}) from its start to an end; a failure is
         * thrown. Before each state: {@code stopped} (a sibling branch failed) ends the list, and so
         * does the machine's timeout.
         */
        JsonNode states(JsonNode machine, JsonNode input, BooleanSupplier stopped) {
            JsonNode states = machine.path("States");
            String name = machine.path("StartAt").asText();
            JsonNode data = input;
            while (true) {
                if (stopped.getAsBoolean()) {
                    throw new StatesError(BRANCH_STOPPED, "another branch of the Parallel failed; stopped before '" + name + "'");
                }
                if (deadline != null && clock.instant().isAfter(deadline)) {
                    throw new StatesError(TIMEOUT, "the execution ran past its TimeoutSeconds, before '" + name + "'");
                }
                JsonNode state = states.get(name);
                if (state == null) {
                    throw new StatesError(StatesError.RUNTIME, "No state named '" + name + "'");
                }
                Step step = state(name, state, data, stopped);
                data = step.output();
                if (step.next() == null) {
                    return data;
                }
                name = step.next();
            }
        }

        /** A state's output and next state; {@code caught}: the error a catcher took, choosing {@code next}, or null. */
        private record Step(JsonNode output, String next, StatesError caught) {
            Step(JsonNode output, String next) {
                this(output, next, null);
            }
        }

        private Step state(String name, JsonNode state, JsonNode input, BooleanSupplier stopped) {
            String type = state.path("Type").asText();
            listener.stateEntered(name, type);
            try {
                Step step = switch (type) {
                    case "Pass" -> pass(name, state, input);
                    case "Task", "Parallel" -> withErrorHandling(name, state, input, stopped);
                    case "Choice" -> choice(name, state, input);
                    case "Succeed" -> new Step(output(state, JsonPaths.select(state.get("InputPath"), input,
                            context(name, 0)), name), null);
                    case "Fail" -> throw fail(name, state, input);
                    default -> throw new StatesError(StatesError.RUNTIME, "State '" + name + "' has type '" + type
                            + "', which this engine does not run");
                };
                if (step.caught() != null) {
                    listener.stateFailed(name, type, step.caught());
                } else {
                    listener.stateSucceeded(name, type, step.output());
                }
                return step;
            } catch (StatesError e) {
                listener.stateFailed(name, type, e);
                throw e;
            }
        }

        private Step pass(String name, JsonNode state, JsonNode input) {
            JsonNode context = context(name, 0);
            JsonNode effective = JsonPaths.select(state.get("InputPath"), input, context);
            JsonNode result = state.has("Parameters") ? PayloadTemplate.apply(state.get("Parameters"), effective, context)
                    : state.has("Result") ? state.get("Result") : effective;
            return finish(name, state, input, result);
        }

        private Step choice(String name, JsonNode state, JsonNode input) {
            JsonNode context = context(name, 0);
            JsonNode effective = JsonPaths.select(state.get("InputPath"), input, context);
            String next = null;
            for (JsonNode rule : state.path("Choices")) {
                if (ChoiceRules.matches(rule, effective, context)) {
                    next = rule.path("Next").asText();
                    break;
                }
            }
            if (next == null) {
                next = state.path("Default").asText(null);
            }
            if (next == null) {
                throw new StatesError(StatesError.NO_CHOICE_MATCHED, "No choice rule of '" + name + "' matched and there is no Default");
            }
            return new Step(output(state, effective, name), next);
        }

        private StatesError fail(String name, JsonNode state, JsonNode input) {
            JsonNode context = context(name, 0);
            String error = state.has("ErrorPath") ? text(JsonPaths.read(state.get("ErrorPath").asText(), input, context))
                    : state.path("Error").asText("States.Fail");
            String cause = state.has("CausePath") ? text(JsonPaths.read(state.get("CausePath").asText(), input, context))
                    : state.path("Cause").asText("");
            return new StatesError(error, cause);
        }

        /** Task and Parallel: the work, retried as the retriers say, then caught as the catchers say. */
        private Step withErrorHandling(String name, JsonNode state, JsonNode input, BooleanSupplier stopped) {
            ErrorHandling handling = new ErrorHandling(state);
            int[] retries = new int[handling.retriers.size()];
            int attempt = 0;
            while (true) {
                attempt++;
                try {
                    JsonNode result = state.path("Type").asText().equals("Task") ? task(name, state, input, attempt)
                            : parallel(name, state, input, attempt, stopped);
                    return finish(name, state, input, result);
                } catch (StatesError error) {
                    if (error.isRuntime() || error.error().equals(BRANCH_STOPPED)) {
                        throw error;
                    }
                    Duration wait = retryWait(handling, retries, error);
                    if (wait != null) {
                        listener.retrying(name, error, attempt, wait);
                        sleep(wait);
                        continue;
                    }
                    for (ErrorHandling.Catcher catcher : handling.catchers) {
                        if (ErrorHandling.matches(catcher.errors(), error)) {
                            ObjectNode errorOutput = NODES.objectNode();
                            errorOutput.put("Error", error.error());
                            errorOutput.put("Cause", error.cause());
                            JsonNode output = JsonPaths.place(catcher.hasResultPath() ? catcher.resultPath() : null,
                                    input, errorOutput);
                            return new Step(output, catcher.next(), error);
                        }
                    }
                    throw error;
                }
            }
        }

        /** The wait before the next attempt, or null when no retrier takes the error or it is used up. */
        private Duration retryWait(ErrorHandling handling, int[] retries, StatesError error) {
            for (int i = 0; i < handling.retriers.size(); i++) {
                ErrorHandling.Retrier retrier = handling.retriers.get(i);
                if (ErrorHandling.matches(retrier.errors(), error)) {
                    if (retries[i] >= retrier.maxAttempts()) {
                        return null;
                    }
                    retries[i]++;
                    return retrier.delay(retries[i], random);
                }
            }
            return null;
        }

        private void sleep(Duration wait) {
            try {
                sleeper.sleep(Duration.ofNanos((long) (wait.toNanos() * retryTimeScale)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StatesError(StatesError.RUNTIME, "Interrupted while waiting to retry");
            }
        }

        private JsonNode task(String name, JsonNode state, JsonNode input, int attempt) {
            JsonNode context = context(name, attempt - 1);
            JsonNode effective = JsonPaths.select(state.get("InputPath"), input, context);
            JsonNode parameters = state.has("Parameters") ? PayloadTemplate.apply(state.get("Parameters"), effective, context)
                    : effective;
            TaskHandler.TaskContext taskContext = new TaskHandler.TaskContext(executionName, name, attempt);
            Duration limit = timeLimit(state);
            JsonNode result = limit == null ? tasks.invoke(state.path("Resource").asText(), parameters, taskContext)
                    : withinLimit(name, limit, () -> tasks.invoke(state.path("Resource").asText(), parameters, taskContext));
            return state.has("ResultSelector") ? PayloadTemplate.apply(state.get("ResultSelector"), result, context) : result;
        }

        /** The shorter of the Task's {@code TimeoutSeconds} and {@code HeartbeatSeconds}, or null with neither. */
        private Duration timeLimit(JsonNode state) {
            Duration limit = null;
            for (String field : new String[] {"TimeoutSeconds", "HeartbeatSeconds"}) {
                if (state.has(field)) {
                    Duration each = Duration.ofSeconds(state.get(field).asLong());
                    limit = limit == null || each.compareTo(limit) < 0 ? each : limit;
                }
            }
            return limit;
        }

        /**
         * Runs the task on a thread of its own and waits at most {@code limit}; past it the task is
         * interrupted, waited for (so nothing of it still writes when the state ends), and the state
         * fails with {@code States.Timeout}.
         */
        private JsonNode withinLimit(String name, Duration limit, Supplier<JsonNode> work) {
            AtomicBoolean started = new AtomicBoolean();
            CountDownLatch ended = new CountDownLatch(1);
            Future<JsonNode> running = branches.submit(() -> {
                started.set(true);
                try {
                    return work.get();
                } finally {
                    ended.countDown();
                }
            });
            try {
                return running.get(limit.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                stop(running, started, ended);
                throw new StatesError(TIMEOUT, "State '" + name + "' did not finish within " + limit.toSeconds() + " s");
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException failure) {
                    throw failure; // a StatesError among them, as the task threw it
                }
                throw new StatesError(StatesError.RUNTIME, String.valueOf(e.getCause()));
            } catch (InterruptedException e) {
                stop(running, started, ended);
                Thread.currentThread().interrupt();
                throw new StatesError(StatesError.RUNTIME, "Interrupted while '" + name + "' ran");
            }
        }

        /** Interrupts a task and waits until its thread has left it; a task cancelled before it started never runs. */
        private void stop(Future<JsonNode> running, AtomicBoolean started,
                CountDownLatch ended) {
            running.cancel(true);
            if (started.get()) {
                awaitUninterruptibly(ended);
            }
        }

        private JsonNode parallel(String name, JsonNode state, JsonNode input, int attempt, BooleanSupplier outerStopped) {
            JsonNode context = context(name, attempt - 1);
            JsonNode effective = JsonPaths.select(state.get("InputPath"), input, context);
            JsonNode branchInput = state.has("Parameters") ? PayloadTemplate.apply(state.get("Parameters"), effective, context)
                    : effective;
            List<JsonNode> list = new ArrayList<>();
            state.path("Branches").forEach(list::add);
            JsonNode[] results = new JsonNode[list.size()];
            AtomicReference<StatesError> firstFailure = new AtomicReference<>();
            List<BranchRun> running = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                running.add(new BranchRun());
            }
            CountDownLatch stopped = new CountDownLatch(list.size());
            for (int i = 0; i < list.size(); i++) {
                int index = i;
                branches.execute(() -> {
                    BranchRun run = running.get(index);
                    run.start();
                    try {
                        if (firstFailure.get() == null) {
                            results[index] = states(list.get(index), branchInput,
                                    () -> firstFailure.get() != null || outerStopped.getAsBoolean());
                        }
                    } catch (StatesError e) {
                        if (firstFailure.compareAndSet(null, e)) {
                            // The first failure stops the other branches, as in AWS.
                            running.forEach(other -> other.stopUnless(run));
                        }
                    } catch (RuntimeException e) {
                        firstFailure.compareAndSet(null, new StatesError(StatesError.RUNTIME, String.valueOf(e)));
                    } finally {
                        run.finish();
                        stopped.countDown();
                    }
                });
            }
            try {
                // Every branch is waited for, failed or not, so none is still writing when this state ends.
                stopped.await();
            } catch (InterruptedException e) {
                running.forEach(other -> other.stopUnless(null));
                awaitUninterruptibly(stopped);
                Thread.currentThread().interrupt();
                throw new StatesError(StatesError.RUNTIME, "Interrupted while '" + name + "' ran its branches");
            }
            if (firstFailure.get() != null) {
                throw firstFailure.get();
            }
            ArrayNode out = NODES.arrayNode();
            for (JsonNode result : results) {
                out.add(result);
            }
            return state.has("ResultSelector") ? PayloadTemplate.apply(state.get("ResultSelector"), out, context) : out;
        }

        /**
         * The thread running one branch, so another branch's failure can stop it. Stopping and finishing share
         * one lock: an interrupt meant for this branch cannot reach the pool thread after it moved on.
         */
        private static final class BranchRun {
            private Thread thread;
            private boolean finished;

            synchronized void start() {
                thread = Thread.currentThread();
            }

            synchronized void stopUnless(BranchRun self) {
                if (this != self && thread != null && !finished) {
                    thread.interrupt();
                }
            }

            synchronized void finish() {
                finished = true;
                thread = null;
                Thread.interrupted();
            }
        }

        private void awaitUninterruptibly(CountDownLatch latch) {
            while (true) {
                try {
                    latch.await();
                    return;
                } catch (InterruptedException ignored) {
                    // keep waiting: the branches must stop before the state can end
                }
            }
        }

        private Step finish(String name, JsonNode state, JsonNode input, JsonNode result) {
            JsonNode combined = JsonPaths.place(state.get("ResultPath"), input, result);
            String next = state.path("End").asBoolean(false) ? null : state.path("Next").asText(null);
            if (next == null && !state.path("End").asBoolean(false)) {
                throw new StatesError(StatesError.RUNTIME, "State '" + name + "' has neither Next nor End");
            }
            return new Step(output(state, combined, name), next);
        }

        private JsonNode output(JsonNode state, JsonNode data, String name) {
            return JsonPaths.select(state.get("OutputPath"), data, context(name, 0));
        }

        private JsonNode context(String stateName, int retryCount) {
            ObjectNode context = NODES.objectNode();
            context.set("Execution", execution);
            context.set("StateMachine", stateMachine);
            ObjectNode state = context.putObject("State");
            state.put("Name", stateName);
            state.put("EnteredTime", AWS_TIME.format(clock.instant()));
            state.put("RetryCount", retryCount);
            return context;
        }

        private String text(JsonNode node) {
            return node.isTextual() ? node.asText() : node.toString();
        }
    }
}
