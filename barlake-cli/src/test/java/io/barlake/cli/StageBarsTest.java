package io.barlake.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.barlake.fetchers.bronze.SessionOutcome;
import io.barlake.statemachine.asl.StatesError;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import me.tongfei.progressbar.DelegatingProgressBarConsumer;
import org.junit.jupiter.api.Test;

/** What the stage bars draw for a run's events: the last frame of each bar. */
class StageBarsTest {
    private final List<List<String>> bars = new ArrayList<>();

    private StageBars stageBars() {
        return new StageBars(() -> {
            List<String> frames = new ArrayList<>();
            synchronized (bars) {
                bars.add(frames);
            }
            return new DelegatingProgressBarConsumer(frame -> {
                synchronized (frames) {
                    frames.add(frame);
                }
            }, 120);
        });
    }

    private String last(int bar) {
        List<String> frames = bars.get(bar);
        synchronized (frames) {
            return frames.get(frames.size() - 1);
        }
    }

    @Test
    void eachStageHasABarThatEndsFull() {
        try (StageBars run = stageBars()) {
            run.stateEntered("Prepare", "Pass");
            run.stateEntered("FetchStage", "Parallel");
            run.stateEntered("FetchBars", "Task");
            run.planned(3, 1);
            run.session(LocalDate.of(2025, 6, 2), SessionOutcome.WRITTEN);
            run.session(LocalDate.of(2025, 6, 3), SessionOutcome.WRITTEN);
            run.stateSucceeded("FetchBars", "Task", null);
            run.stateSucceeded("FetchStage", "Parallel", null);
            run.stateEntered("Consolidate", "Task");
            run.retrying("Consolidate", new StatesError("States.TaskFailed", "exit 1"), 1, Duration.ofSeconds(30));
            run.stateSucceeded("Consolidate", "Task", null);
            run.stateEntered("Resample", "Parallel");
            for (int sessions : new int[] {3, 5, 8, 13, 21, 34}) {
                run.stateEntered("Resample" + sessions, "Task");
                run.stateSucceeded("Resample" + sessions, "Task", null);
            }
            run.stateSucceeded("Resample", "Parallel", null);
            run.stateEntered("Scan", "Task");
        }
        assertThat(bars).hasSize(4);
        assertThat(last(0)).startsWith("Fetch").contains("100%", "3/3 sessions", "done");
        assertThat(last(1)).startsWith("Consolidate").contains("100%", "1/1", "done");
        assertThat(last(2)).startsWith("Resample").contains("100%", "6/6 timeframes", "done");
        assertThat(last(3)).as("closed while running: not shown as done").startsWith("Scan").doesNotContain("done");
    }

    @Test
    void aFailedStageSaysSoAndIsNotShownFull() {
        try (StageBars run = stageBars()) {
            run.stateEntered("FetchStage", "Parallel");
            run.planned(10, 0);
            run.session(LocalDate.of(2025, 6, 2), SessionOutcome.WRITTEN);
            run.stateFailed("FetchStage", "Parallel", new StatesError("io.barlake.fetchers.polygon.PolygonUnauthorizedException", "401"));
        }
        assertThat(last(0)).contains("1/10 sessions", "failed: io.barlake.fetchers.polygon.PolygonUnauthorizedException")
                .doesNotContain("100%");
    }
}
