package io.barlake.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.barlake.fetchers.bronze.SessionOutcome;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class FetchProgressTest {
    @Test
    void plainProgressSaysHowFarAndHowLongIsLeft() {
        StringWriter err = new StringWriter();
        FetchProgress progress = new FetchProgress(new PrintWriter(err), false);
        progress.planned(250, 10);
        progress.session(LocalDate.of(2024, 1, 2), SessionOutcome.WRITTEN);
        assertThat(progress.line(LocalDate.of(2024, 1, 2), System.nanoTime()))
                .as("one session gives no pace yet").isEqualTo("fetch: 11/250 sessions (4%), at 2024-01-02");
        progress.session(LocalDate.of(2024, 1, 3), SessionOutcome.WRITTEN);
        // The second session finished 12 s after the first, as at Polygon's free 5 requests a minute.
        long twelveSecondsLater = System.nanoTime() + Duration.ofSeconds(12).toNanos();
        assertThat(progress.line(LocalDate.of(2024, 1, 3), twelveSecondsLater))
                .isEqualTo("fetch: 12/250 sessions (4%), at 2024-01-03, about 48 min left");
    }

    @Test
    void durationsReadLikeAPersonWouldSayThem() {
        assertThat(FetchProgress.human(Duration.ofMillis(42))).isEqualTo("42 ms");
        assertThat(FetchProgress.human(Duration.ofMillis(420))).isEqualTo("0.4 s");
        assertThat(FetchProgress.human(Duration.ofMillis(9_940))).isEqualTo("9.9 s");
        assertThat(FetchProgress.human(Duration.ofSeconds(42))).isEqualTo("42 s");
        assertThat(FetchProgress.human(Duration.ofMinutes(47))).isEqualTo("47 min");
        assertThat(FetchProgress.human(Duration.ofMinutes(250))).isEqualTo("4.2 h");
    }

    @Test
    void theLastSessionAlwaysPrintsALine() {
        StringWriter err = new StringWriter();
        FetchProgress progress = new FetchProgress(new PrintWriter(err), false);
        progress.planned(2, 0);
        progress.session(LocalDate.of(2024, 1, 2), SessionOutcome.WRITTEN);
        progress.session(LocalDate.of(2024, 1, 3), SessionOutcome.SKIPPED);
        assertThat(err.toString()).endsWith("fetch: 2/2 sessions (100%), at 2024-01-03\n");
    }
}
