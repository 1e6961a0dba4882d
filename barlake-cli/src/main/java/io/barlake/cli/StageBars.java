package io.barlake.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.barlake.fetchers.bronze.ProgressListener;
import io.barlake.fetchers.bronze.SessionOutcome;
import io.barlake.statemachine.asl.ExecutionListener;
import io.barlake.statemachine.asl.StatesError;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.function.Supplier;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarConsumer;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * A progress bar per stage of a run on a terminal. The fetch counts sessions and the resampling
 * its six timeframes; the consolidation and the scan, one job each, run without a count and fill
 * when done. A retry or a failure is the bar's message, so the bars stay the only thing drawn.
 */
final class StageBars implements ExecutionListener, ProgressListener, AutoCloseable {
    /** The top-level stages of pipeline.asl.json, with the bar's label and unit. */
    private static final Map<String, Stage> STAGES = Map.of(
            "FetchStage", new Stage("Fetch      ", " sessions", -1),
            "Consolidate", new Stage("Consolidate", "", -1),
            "Resample", new Stage("Resample   ", " timeframes", 6),
            "Scan", new Stage("Scan       ", "", -1));

    private record Stage(String label, String unit, long max) {}

    private final Supplier<ProgressBarConsumer> consumers;
    private ProgressBar bar;
    private String stage;
    /** Whether the bar has a count yet: the fetch gets one from its plan, consolidate and scan never do. */
    private boolean counted;
    private long fetched;

    /** Bars drawn on the terminal. */
    StageBars() {
        this(null);
    }

    /** Bars handed to the given consumers (tests read what would be drawn). */
    StageBars(Supplier<ProgressBarConsumer> consumers) {
        this.consumers = consumers;
    }

    @Override
    public synchronized void stateEntered(String state, String type) {
        Stage next = STAGES.get(state);
        if (next == null) {
            return;
        }
        close();
        ProgressBarBuilder builder = new ProgressBarBuilder().setTaskName(next.label()).setInitialMax(next.max())
                .setUnit(next.unit(), 1).setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(200).hideEta();
        if (consumers != null) {
            builder.setConsumer(consumers.get());
        }
        bar = builder.build();
        stage = state;
        counted = next.max() >= 0;
    }

    @Override
    public synchronized void planned(int total, int alreadyDone) {
        if ("FetchStage".equals(stage) && !counted) {
            // Later chunks of the same fetch report the same plan: the first one sets the bar.
            bar.maxHint(total);
            counted = true;
            fetched = alreadyDone;
            bar.stepTo(fetched);
        }
    }

    @Override
    public synchronized void session(LocalDate session, SessionOutcome outcome) {
        if ("FetchStage".equals(stage)) {
            bar.stepTo(++fetched);
            bar.setExtraMessage(session.toString());
        }
    }

    @Override
    public synchronized void stateSucceeded(String state, String type, JsonNode output) {
        if (bar == null) {
            return;
        }
        if ("Resample".equals(stage) && state.matches("Resample\\d+")) {
            bar.step();
            bar.setExtraMessage(state.substring("Resample".length()) + "d");
        } else if (state.equals(stage)) {
            if (!counted) {
                bar.maxHint(1);
            }
            bar.stepTo(bar.getMax());
            bar.setExtraMessage("done");
            close();
        }
    }

    @Override
    public synchronized void stateFailed(String state, String type, StatesError error) {
        if (bar != null && state.equals(stage)) {
            bar.setExtraMessage("failed: " + error.error());
            close();
        }
    }

    @Override
    public synchronized void retrying(String state, StatesError error, int attempt, Duration wait) {
        if (bar != null) {
            bar.setExtraMessage(state + ": " + error.error() + ", retry " + attempt + " in " + FetchProgress.human(wait));
        }
    }

    @Override
    public synchronized void close() {
        if (bar != null) {
            bar.close();
            bar = null;
            stage = null;
        }
    }
}
