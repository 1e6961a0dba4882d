package io.barlake.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.barlake.statemachine.asl.ExecutionListener;
import io.barlake.statemachine.asl.StatesError;
import java.time.Duration;

/** One line per stage start, end and retry, on standard error so standard output stays the summary. */
final class StageLines implements ExecutionListener {
    private final java.io.PrintWriter err;

    StageLines(java.io.PrintWriter err) {
        this.err = err;
    }

    @Override
    public void stateEntered(String state, String type) {
        if (io.barlake.lake.state.StageTimeline.isStage(state, type)) {
            line("→ " + state);
        }
    }

    @Override
    public void stateSucceeded(String state, String type, JsonNode output) {
        if (io.barlake.lake.state.StageTimeline.isStage(state, type)) {
            line("✓ " + state);
        }
    }

    @Override
    public void stateFailed(String state, String type, StatesError error) {
        if (io.barlake.lake.state.StageTimeline.isStage(state, type)) {
            line("✗ " + state + ": " + error.error());
        }
    }

    @Override
    public void retrying(String state, StatesError error, int attempt, Duration wait) {
        line("↻ " + state + ": " + error.error() + " (attempt " + attempt + "), retrying in " + FetchProgress.human(wait));
    }

    private void line(String text) {
        synchronized (err) {
            err.println(text);
            err.flush();
        }
    }
}
