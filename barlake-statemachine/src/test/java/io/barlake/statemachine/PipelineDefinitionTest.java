package io.barlake.statemachine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PipelineDefinitionTest {
    private static final Set<String> TYPES = Set.of("Pass", "Task", "Parallel", "Choice", "Succeed", "Fail");

    static Map<Placeholder, String> fakeArns() {
        Map<Placeholder, String> values = new EnumMap<>(Placeholder.class);
        for (Placeholder placeholder : Placeholder.values()) {
            values.put(placeholder, "arn:aws:test:::" + placeholder.name());
        }
        return values;
    }

    @Test
    void usesExactlyTheListedPlaceholdersAndRendersWithoutAnyLeft() {
        assertThat(PipelineDefinition.placeholders(PipelineDefinition.text())).isEqualTo(Placeholder.names());
        String rendered = PipelineDefinition.render(fakeArns());
        assertThat(rendered).doesNotContain("${");
        assertThat(PipelineDefinition.parse(rendered).path("StartAt").asText()).isEqualTo("Prepare");
    }

    @Test
    void refusesToRenderWithAPlaceholderUnbound() {
        Map<Placeholder, String> values = fakeArns();
        values.remove(Placeholder.AlertTopicArn);
        assertThatThrownBy(() -> PipelineDefinition.render(values)).hasMessageContaining("AlertTopicArn");
    }

    @Test
    void everyTransitionTargetsAStateOfItsScopeAndEveryStateIsReachable() {
        JsonNode definition = PipelineDefinition.parse(PipelineDefinition.render(fakeArns()));
        List<String> problems = new ArrayList<>();
        checkScope("", definition, problems);
        assertThat(problems).isEmpty();
    }

    @Test
    void everyStageIsCaughtAndEndsInTheNotificationAndBothPathsEndWithTheRunReport() {
        JsonNode states = PipelineDefinition.parse(PipelineDefinition.render(fakeArns())).path("States");
        for (String stage : List.of("FetchStage", "Consolidate", "Resample", "Scan")) {
            JsonNode catchers = states.path(stage).path("Catch");
            assertThat(catchers).as(stage + " has a Catch").isNotEmpty();
            assertThat(catchers.get(0).path("ErrorEquals").toString()).contains("States.ALL");
            String handler = catchers.get(0).path("Next").asText();
            assertThat(states.path(handler).path("Next").asText()).as(stage).isEqualTo("DescribeRerun");
        }
        assertThat(states.path("NotifyFailure").path("Resource").asText()).isEqualTo("arn:aws:states:::sns:publish");
        assertThat(states.path("NotifyFailure").path("Next").asText()).isEqualTo("ReportFailedRun");
        assertThat(states.path("NotifyFailure").path("Catch").get(0).path("Next").asText()).isEqualTo("ReportFailedRun");
        assertThat(states.path("Failed").path("Type").asText()).isEqualTo("Fail");
        // The last task on both paths writes the run report; whatever it does, the run ends as it would have.
        assertThat(states.path("Scan").path("Next").asText()).isEqualTo("ReportRun");
        for (String[] report : new String[][] {{"ReportRun", "Done", "SUCCEEDED"}, {"ReportFailedRun", "Failed", "FAILED"}}) {
            JsonNode state = states.path(report[0]);
            assertThat(state.path("Parameters").path("FunctionName").asText()).as(report[0]).isEqualTo("arn:aws:test:::ReportRunFunctionArn");
            assertThat(state.path("Parameters").path("Payload").path("outcome").asText()).isEqualTo(report[2]);
            assertThat(state.path("Parameters").path("Payload").path("execution.$").asText()).isEqualTo("$$.Execution.Id");
            assertThat(state.path("Next").asText()).isEqualTo(report[1]);
            assertThat(state.path("Catch").get(0).path("ErrorEquals").toString()).contains("States.ALL");
            assertThat(state.path("Catch").get(0).path("Next").asText()).isEqualTo(report[1]);
            assertThat(state.path("ResultPath").isNull()).as("the report leaves the run's state as it was").isTrue();
        }
        assertThat(states.path("ReportFailedRun").path("Parameters").path("Payload").path("alert.$").asText())
                .isEqualTo("$.alert.message");
        assertThat(states.path("NotifyFailure").path("Parameters").path("Message.$").asText()).isEqualTo("$.alert.message");
        // Batch retries a job itself (the job definition's strategy), so the definition does not retry what can only repeat.
        assertThat(states.path("Consolidate").has("Retry")).as("Batch retries, not the state machine").isFalse();
    }

    private static void checkScope(String where, JsonNode machine, List<String> problems) {
        JsonNode states = machine.path("States");
        Set<String> names = new HashSet<>();
        states.fieldNames().forEachRemaining(names::add);
        String start = machine.path("StartAt").asText();
        if (!names.contains(start)) {
            problems.add(where + "StartAt '" + start + "' is not a state");
        }
        Set<String> reached = new HashSet<>();
        Deque<String> todo = new ArrayDeque<>(List.of(start));
        while (!todo.isEmpty()) {
            String name = todo.pop();
            if (!reached.add(name) || !names.contains(name)) {
                continue;
            }
            JsonNode state = states.get(name);
            String type = state.path("Type").asText();
            if (!TYPES.contains(type)) {
                problems.add(where + name + " has type " + type);
            }
            List<String> targets = new ArrayList<>();
            if (state.has("Next")) {
                targets.add(state.get("Next").asText());
            }
            if (state.has("Default")) {
                targets.add(state.get("Default").asText());
            }
            state.path("Choices").forEach(rule -> targets.add(rule.path("Next").asText()));
            state.path("Catch").forEach(catcher -> targets.add(catcher.path("Next").asText()));
            boolean terminal = state.path("End").asBoolean(false) || type.equals("Succeed") || type.equals("Fail");
            if (targets.isEmpty() && !terminal) {
                problems.add(where + name + " has no Next and no End");
            }
            for (String target : targets) {
                if (!names.contains(target)) {
                    problems.add(where + name + " goes to '" + target + "', which is not a state here");
                }
                todo.push(target);
            }
            int branch = 0;
            for (JsonNode inner : state.path("Branches")) {
                checkScope(where + name + "[" + branch++ + "].", inner, problems);
            }
        }
        for (Iterator<String> it = names.iterator(); it.hasNext(); ) {
            String name = it.next();
            if (!reached.contains(name)) {
                problems.add(where + name + " is never reached");
            }
        }
    }
}
