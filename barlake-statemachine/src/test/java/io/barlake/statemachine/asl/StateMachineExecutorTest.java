package io.barlake.statemachine.asl;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** One test per States Language construct the pipeline relies on, each on a small definition. */
class StateMachineExecutorTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-20T21:05:00Z"), ZoneOffset.UTC);
    private final List<Duration> waits = new CopyOnWriteArrayList<>();

    private static JsonNode json(String text) {
        try {
            // ' stands for " and ^ for the single quote of intrinsic string literals.
            return JSON.readTree(text.replace('\'', '"').replace('^', '\''));
        } catch (Exception e) {
            throw new IllegalArgumentException(text, e);
        }
    }

    private ExecutionResult run(String definition, String input, TaskHandler tasks) {
        StateMachineExecutor executor = new StateMachineExecutor(json(definition),
                "arn:aws:states:us-east-1:123456789012:stateMachine:test", tasks, 1.0, waits::add, new Random(7), CLOCK);
        return executor.execute("run-1", json(input), ExecutionListener.NONE);
    }

    private static TaskHandler echo() {
        return (resource, parameters, context) -> parameters;
    }

    @Test
    void passAppliesResultResultPathAndOutputPath() {
        ExecutionResult result = run("""
                {'StartAt':'A','States':{
                  'A':{'Type':'Pass','Result':{'x':1},'ResultPath':'$.deep.result','Next':'B'},
                  'B':{'Type':'Pass','OutputPath':'$.deep','End':true}}}""", "{'keep':true}", echo());
        assertThat(result.succeeded()).isTrue();
        assertThat(result.output()).isEqualTo(json("{'result':{'x':1}}"));
    }

    @Test
    void resultPathNullKeepsTheInputAndInputPathSelects() {
        ExecutionResult result = run("""
                {'StartAt':'A','States':{
                  'A':{'Type':'Task','Resource':'r','InputPath':'$.inner','ResultPath':null,'End':true}}}""",
                "{'inner':{'a':1},'other':2}", echo());
        assertThat(result.output()).isEqualTo(json("{'inner':{'a':1},'other':2}"));
    }

    @Test
    void parametersResolvePathsTheContextObjectAndIntrinsics() {
        ExecutionResult result = run("""
                {'StartAt':'A','States':{'A':{'Type':'Task','Resource':'r','Parameters':{
                  'fixed':'x',
                  'name.$':'$.name',
                  'execution.$':'$$.Execution.Name',
                  'id.$':'$$.Execution.Id',
                  'state.$':'$$.State.Name',
                  'started.$':'$$.Execution.StartTime',
                  'greeting.$':'States.Format(^hello {}, \\\\{literal\\\\} {}^, $.name, $.count)',
                  'merged.$':'States.JsonMerge($.a, $.b, false)',
                  'sum.$':'States.MathAdd($.count, 5)',
                  'length.$':'States.ArrayLength($.list)',
                  'text.$':'States.JsonToString($.a)',
                  'parsed.$':'States.StringToJson($.json)',
                  'second.$':'States.ArrayGetItem(States.StringSplit($.csv, ^,^), 1)',
                  'nested':[{'deep.$':'$.name'}]},
                  'ResultSelector':{'all.$':'$'},'End':true}}}""",
                "{'name':'Ada','count':2,'a':{'x':1,'y':1},'b':{'y':2},'list':[1,2,3],'json':'{\\'k\\':true}','csv':'p,q,r'}",
                echo());
        assertThat(result.succeeded()).as(result.error() + " " + result.cause()).isTrue();
        JsonNode all = result.output().path("all");
        assertThat(all.path("fixed").asText()).isEqualTo("x");
        assertThat(all.path("name").asText()).isEqualTo("Ada");
        assertThat(all.path("execution").asText()).isEqualTo("run-1");
        assertThat(all.path("id").asText()).isEqualTo("arn:aws:states:us-east-1:123456789012:execution:test:run-1");
        assertThat(all.path("state").asText()).isEqualTo("A");
        assertThat(all.path("started").asText()).isEqualTo("2026-11-20T21:05:00.000Z"); // as Step Functions writes it
        assertThat(all.path("greeting").asText()).isEqualTo("hello Ada, {literal} 2");
        assertThat(all.path("merged")).isEqualTo(json("{'x':1,'y':2}"));
        assertThat(all.path("sum").asInt()).isEqualTo(7);
        assertThat(all.path("length").asInt()).isEqualTo(3);
        assertThat(all.path("text").asText()).isEqualTo("{\"x\":1,\"y\":1}");
        assertThat(all.path("parsed")).isEqualTo(json("{'k':true}"));
        assertThat(all.path("second").asText()).isEqualTo("q");
        assertThat(all.path("nested").get(0).path("deep").asText()).isEqualTo("Ada");
    }

    @Test
    void aMissingPathFailsTheExecutionAndNoCatcherSeesIt() {
        ExecutionResult result = run("""
                {'StartAt':'A','States':{
                  'A':{'Type':'Task','Resource':'r','Parameters':{'x.$':'$.missing'},
                       'Catch':[{'ErrorEquals':['States.ALL'],'Next':'Caught'}],'End':true},
                  'Caught':{'Type':'Succeed'}}}""", "{}", echo());
        assertThat(result.succeeded()).isFalse();
        assertThat(result.error()).isEqualTo("States.Runtime");
        assertThat(result.cause()).contains("$.missing");
    }

    @Test
    void choiceTakesTheFirstMatchingRuleThenTheDefault() {
        String definition = """
                {'StartAt':'C','States':{
                  'C':{'Type':'Choice','Choices':[
                     {'Variable':'$.mode','StringEquals':'backfill','Next':'Backfill'},
                     {'And':[{'Variable':'$.n','IsPresent':true},{'Variable':'$.n','NumericGreaterThanEquals':10}],'Next':'Big'},
                     {'Not':{'Variable':'$.flag','BooleanEquals':true},'Next':'NotFlag'},
                     {'Variable':'$.name','StringMatches':'bar*','Next':'Glob'}],
                   'Default':'Other'},
                  'Backfill':{'Type':'Pass','Result':'backfill','End':true},
                  'Big':{'Type':'Pass','Result':'big','End':true},
                  'NotFlag':{'Type':'Pass','Result':'not-flag','End':true},
                  'Glob':{'Type':'Pass','Result':'glob','End':true},
                  'Other':{'Type':'Pass','Result':'other','End':true}}}""";
        assertThat(run(definition, "{'mode':'backfill'}", echo()).output().asText()).isEqualTo("backfill");
        assertThat(run(definition, "{'mode':'nightly','n':12}", echo()).output().asText()).isEqualTo("big");
        assertThat(run(definition, "{'mode':'nightly','flag':false}", echo()).output().asText()).isEqualTo("not-flag");
        assertThat(run(definition, "{'mode':'nightly','flag':true,'name':'barlake'}", echo()).output().asText()).isEqualTo("glob");
        assertThat(run(definition, "{'mode':'nightly','flag':true,'name':'x'}", echo()).output().asText()).isEqualTo("other");
    }

    @Test
    void choiceWithoutAMatchOrDefaultFails() {
        ExecutionResult result = run("""
                {'StartAt':'C','States':{'C':{'Type':'Choice','Choices':[
                  {'Variable':'$.a','StringEquals':'x','Next':'D'}]},'D':{'Type':'Succeed'}}}""", "{'a':'y'}", echo());
        assertThat(result.error()).isEqualTo("States.NoChoiceMatched");
    }

    @Test
    void retryBacksOffByTheRateCappedAtMaxDelayThenSucceeds() {
        AtomicInteger calls = new AtomicInteger();
        TaskHandler flaky = (resource, parameters, context) -> {
            if (calls.incrementAndGet() <= 3) {
                throw new StatesError("Lambda.ServiceException", "try again");
            }
            return json("{'ok':" + context.attempt() + "}");
        };
        ExecutionResult result = run("""
                {'StartAt':'T','States':{'T':{'Type':'Task','Resource':'r','Retry':[
                  {'ErrorEquals':['Other'],'IntervalSeconds':100,'MaxAttempts':9},
                  {'ErrorEquals':['Lambda.ServiceException'],'IntervalSeconds':2,'BackoffRate':3,'MaxAttempts':5,'MaxDelaySeconds':10}],
                  'End':true}}}""", "{}", flaky);
        assertThat(result.succeeded()).isTrue();
        assertThat(result.output().path("ok").asInt()).as("the fourth attempt").isEqualTo(4);
        assertThat(waits).containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(6), Duration.ofSeconds(10));
    }

    @Test
    void fullJitterWaitsAtMostTheBackedOffInterval() {
        TaskHandler failing = (resource, parameters, context) -> {
            throw new StatesError("Busy", "busy");
        };
        ExecutionResult result = run("""
                {'StartAt':'T','States':{'T':{'Type':'Task','Resource':'r','Retry':[
                  {'ErrorEquals':['Busy'],'IntervalSeconds':4,'BackoffRate':2,'MaxAttempts':4,'JitterStrategy':'FULL'}],
                  'End':true}}}""", "{}", failing);
        assertThat(result.error()).isEqualTo("Busy");
        assertThat(waits).hasSize(4);
        for (int i = 0; i < 4; i++) {
            assertThat(waits.get(i)).isBetween(Duration.ZERO, Duration.ofSeconds(4L << i));
        }
        assertThat(waits).as("jittered, not the plain back-off").isNotEqualTo(List.of(Duration.ofSeconds(4),
                Duration.ofSeconds(8), Duration.ofSeconds(16), Duration.ofSeconds(32)));
    }

    @Test
    void maxAttemptsZeroNeverRetriesAndCatchPutsTheErrorAtItsResultPath() {
        TaskHandler failing = (resource, parameters, context) -> {
            throw new StatesError("io.barlake.Boom", "it broke");
        };
        ExecutionResult result = run("""
                {'StartAt':'T','States':{
                  'T':{'Type':'Task','Resource':'r',
                       'Retry':[{'ErrorEquals':['io.barlake.Boom'],'MaxAttempts':0}],
                       'Catch':[{'ErrorEquals':['Other'],'Next':'Wrong'},
                                {'ErrorEquals':['States.TaskFailed'],'ResultPath':'$.error','Next':'Handled'}],'End':true},
                  'Wrong':{'Type':'Fail','Error':'wrong'},
                  'Handled':{'Type':'Pass','End':true}}}""", "{'request':1}", failing);
        assertThat(waits).isEmpty();
        assertThat(result.succeeded()).isTrue();
        assertThat(result.output()).isEqualTo(json("{'request':1,'error':{'Error':'io.barlake.Boom','Cause':'it broke'}}"));
    }

    @Test
    void failStateTakesItsErrorAndCauseFromPaths() {
        ExecutionResult result = run("""
                {'StartAt':'F','States':{'F':{'Type':'Fail','ErrorPath':'$.e.Error','CausePath':'$.e.Cause'}}}""",
                "{'e':{'Error':'Consolidate.Failed','Cause':'exit 1'}}", echo());
        assertThat(result.succeeded()).isFalse();
        assertThat(result.error()).isEqualTo("Consolidate.Failed");
        assertThat(result.cause()).isEqualTo("exit 1");
    }

    @Test
    void parallelRunsItsBranchesAtTheSameTimeAndKeepsTheirOrder() {
        CyclicBarrier together = new CyclicBarrier(3);
        TaskHandler meet = (resource, parameters, context) -> {
            try {
                // Only returns when all three branches are inside a task at once.
                together.await(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new StatesError("NotConcurrent", e.toString());
            }
            return parameters;
        };
        ExecutionResult result = run("""
                {'StartAt':'P','States':{'P':{'Type':'Parallel','Branches':[
                  {'StartAt':'A','States':{'A':{'Type':'Task','Resource':'r','Parameters':{'b':'a'},'End':true}}},
                  {'StartAt':'B','States':{'B':{'Type':'Task','Resource':'r','Parameters':{'b':'b'},'End':true}}},
                  {'StartAt':'C','States':{'C':{'Type':'Task','Resource':'r','Parameters':{'b':'c'},'End':true}}}],
                  'ResultSelector':{'first.$':'$[0].b','all.$':'$'},'ResultPath':'$.branches','End':true}}}""", "{'in':1}", meet);
        assertThat(result.succeeded()).as(result.cause()).isTrue();
        assertThat(result.output().path("branches").path("first").asText()).isEqualTo("a");
        assertThat(result.output().path("branches").path("all")).isEqualTo(json("[{'b':'a'},{'b':'b'},{'b':'c'}]"));
        assertThat(result.output().path("in").asInt()).isEqualTo(1);
    }

    @Test
    void aFailingBranchFailsTheParallelWithItsErrorAfterTheOthersStopped() {
        List<String> finished = new ArrayList<>();
        CountDownLatch slowStarted = new CountDownLatch(1);
        TaskHandler tasks = (resource, parameters, context) -> {
            if (parameters.path("fail").asBoolean()) {
                // Fail only once the slow branch is inside its task, so it is the one that gets stopped.
                awaitQuietly(slowStarted);
                throw new StatesError("States.TaskFailed", "job failed");
            }
            slowStarted.countDown();
            try {
                Thread.sleep(30_000);
            } catch (InterruptedException e) {
                synchronized (finished) {
                    finished.add("interrupted");
                }
                throw new StatesError("Interrupted", "stopped");
            }
            return parameters;
        };
        ExecutionResult result = run("""
                {'StartAt':'P','States':{
                  'P':{'Type':'Parallel','Branches':[
                    {'StartAt':'Slow','States':{'Slow':{'Type':'Task','Resource':'r','Parameters':{'fail':false},'End':true}}},
                    {'StartAt':'Bad','States':{'Bad':{'Type':'Task','Resource':'r','Parameters':{'fail':true},'End':true}}}],
                   'Catch':[{'ErrorEquals':['States.ALL'],'ResultPath':'$.error','Next':'Caught'}],'End':true},
                  'Caught':{'Type':'Pass','End':true}}}""", "{}", tasks);
        assertThat(result.succeeded()).isTrue();
        assertThat(result.output().path("error").path("Error").asText()).isEqualTo("States.TaskFailed");
        assertThat(finished).containsExactly("interrupted");
    }

    @Test
    void theListenerHearsRetries() {
        AtomicInteger calls = new AtomicInteger();
        List<String> heard = new CopyOnWriteArrayList<>();
        TaskHandler flaky = (resource, parameters, context) -> {
            if (calls.incrementAndGet() == 1) {
                throw new StatesError("Lambda.TooManyRequestsException", "slow down");
            }
            return parameters;
        };
        StateMachineExecutor executor = new StateMachineExecutor(json("""
                {'StartAt':'T','States':{'T':{'Type':'Task','Resource':'r','Retry':[
                  {'ErrorEquals':['Lambda.TooManyRequestsException'],'IntervalSeconds':30}],'End':true}}}"""),
                "arn:aws:states:local:0:stateMachine:test", flaky, 0.001, waits::add, new Random(1), CLOCK);
        executor.execute("r", json("{}"), new ExecutionListener() {
            @Override
            public void retrying(String state, StatesError error, int attempt, Duration wait) {
                heard.add(state + " " + error.error() + " " + attempt + " " + wait.getSeconds());
            }
        });
        assertThat(heard).containsExactly("T Lambda.TooManyRequestsException 1 30");
        assertThat(waits).as("scaled by 0.001").containsExactly(Duration.ofMillis(30));
    }

    @Test
    void aCaughtFailureIsHeardAsAFailureOfItsStateNotASuccess() {
        List<String> heard = new CopyOnWriteArrayList<>();
        TaskHandler failing = (resource, parameters, context) -> {
            throw new StatesError("Boom", "broke");
        };
        StateMachineExecutor executor = new StateMachineExecutor(json("""
                {'StartAt':'T','States':{
                  'T':{'Type':'Task','Resource':'r','Catch':[{'ErrorEquals':['States.ALL'],'Next':'Handled'}],'End':true},
                  'Handled':{'Type':'Pass','End':true}}}"""),
                "arn:aws:states:local:0:stateMachine:test", failing, 1.0, waits::add, new Random(1), CLOCK);
        executor.execute("r", json("{}"), new ExecutionListener() {
            @Override
            public void stateSucceeded(String state, String type, JsonNode output) {
                heard.add("ok " + state);
            }

            @Override
            public void stateFailed(String state, String type, StatesError error) {
                heard.add("failed " + state + " " + error.error());
            }
        });
        assertThat(heard).containsExactly("failed T Boom", "ok Handled");
    }

    @Test
    void contextTimesAreIsoUtcWithMillisecondsAsAwsWritesThem() {
        Clock precise = Clock.fixed(Instant.parse("2026-11-20T21:05:07.123456789Z"), ZoneOffset.UTC);
        StateMachineExecutor executor = new StateMachineExecutor(json("""
                {'StartAt':'A','States':{'A':{'Type':'Pass','Parameters':{'started.$':'$$.Execution.StartTime',
                  'entered.$':'$$.State.EnteredTime'},'End':true}}}"""), "arn:aws:states:us-east-1:123456789012:stateMachine:test",
                echo(), 1.0, waits::add, new Random(7), precise);
        ExecutionResult result = executor.execute("run-1", json("{}"), ExecutionListener.NONE);
        assertThat(result.output().path("started").asText()).isEqualTo("2026-11-20T21:05:07.123Z");
        assertThat(result.output().path("entered").asText()).isEqualTo("2026-11-20T21:05:07.123Z");
    }

    @Test
    void whenABranchFailsItsSiblingsLoopStopsAtItsNextStateBoundary() {
        AtomicInteger laps = new AtomicInteger();
        CountDownLatch looping = new CountDownLatch(3);
        TaskHandler tasks = (resource, parameters, context) -> {
            if (resource.equals("fail")) {
                awaitQuietly(looping); // fail once the sibling is three laps into its loop
                throw new StatesError("States.TaskFailed", "chunk failed");
            }
            if (laps.incrementAndGet() > 1_000) {
                throw new StatesError("Runaway", "the loop was never stopped"); // so a broken executor fails, not hangs
            }
            looping.countDown();
            long until = System.nanoTime() + 5_000_000; // busy for 5 ms, deaf to interrupts, as a real chunk may be
            while (System.nanoTime() < until) {
                Thread.onSpinWait();
            }
            return parameters;
        };
        ExecutionResult result = run("""
                {'StartAt':'P','States':{'P':{'Type':'Parallel','Branches':[
                  {'StartAt':'Chunk','States':{
                    'Chunk':{'Type':'Task','Resource':'work','ResultPath':null,'Next':'More'},
                    'More':{'Type':'Choice','Choices':[{'Variable':'$.go','BooleanEquals':true,'Next':'Chunk'}],'Default':'Done'},
                    'Done':{'Type':'Succeed'}}},
                  {'StartAt':'Bad','States':{'Bad':{'Type':'Task','Resource':'fail','End':true}}}],'End':true}}}""",
                "{'go':true}", tasks);
        assertThat(result.succeeded()).isFalse();
        assertThat(result.error()).isEqualTo("States.TaskFailed");
        assertThat(laps.get()).as("laps of a loop that would never end on its own").isLessThan(10);
    }

    @Test
    void aTaskPastItsTimeoutOrHeartbeatFailsWithStatesTimeoutAndCanBeCaught() {
        List<String> ended = new CopyOnWriteArrayList<>();
        TaskHandler slow = (resource, parameters, context) -> {
            try {
                Thread.sleep(30_000);
            } catch (InterruptedException e) {
                ended.add(resource);
                throw new StatesError("Interrupted", "stopped");
            }
            return parameters;
        };
        for (String limit : List.of("'TimeoutSeconds':1", "'HeartbeatSeconds':1,'TimeoutSeconds':600")) {
            long start = System.nanoTime();
            ExecutionResult result = run("""
                    {'StartAt':'T','States':{
                      'T':{'Type':'Task','Resource':'r',%s,
                           'Retry':[{'ErrorEquals':['Interrupted'],'MaxAttempts':3}],
                           'Catch':[{'ErrorEquals':['States.Timeout'],'ResultPath':'$.error','Next':'TimedOut'}],'End':true},
                      'TimedOut':{'Type':'Pass','End':true}}}""".formatted(limit), "{}", slow);
            assertThat(result.succeeded()).as(limit).isTrue();
            assertThat(result.output().path("error").path("Error").asText()).isEqualTo(StateMachineExecutor.TIMEOUT);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).as(limit).isLessThan(Duration.ofSeconds(20));
        }
        assertThat(ended).as("each timed-out task was stopped before its state ended").containsExactly("r", "r");
    }

    @Test
    void anExecutionPastTheMachinesTimeoutFailsAtTheNextStateBoundary() {
        Clock ticking = new Clock() { // one second passes at every look
            private final AtomicInteger seconds = new AtomicInteger();

            @Override
            public Instant instant() {
                return Instant.parse("2026-11-20T21:05:00Z").plusSeconds(seconds.getAndIncrement());
            }

            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }
        };
        StateMachineExecutor executor = new StateMachineExecutor(json("""
                {'TimeoutSeconds':3,'StartAt':'A','States':{
                  'A':{'Type':'Pass','Next':'B'},'B':{'Type':'Pass','Next':'C'},'C':{'Type':'Pass','Next':'D'},
                  'D':{'Type':'Pass','Next':'E'},'E':{'Type':'Pass','End':true}}}"""),
                "arn:aws:states:us-east-1:123456789012:stateMachine:test", echo(), 1.0, waits::add, new Random(7), ticking);
        ExecutionResult result = executor.execute("run-1", json("{}"), ExecutionListener.NONE);
        assertThat(result.succeeded()).isFalse();
        assertThat(result.error()).isEqualTo(StateMachineExecutor.TIMEOUT);
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) {
                throw new AssertionError("the slow branch never started");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for the slow branch", e);
        }
    }
}
