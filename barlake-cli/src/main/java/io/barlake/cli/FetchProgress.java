package io.barlake.cli;

import io.barlake.fetchers.bronze.ProgressListener;
import io.barlake.fetchers.bronze.SessionOutcome;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Locale;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Shows a fetch's progress: a progress bar with the remaining time on a terminal, and on anything
 * else (CI, logs, pipes) a plain line at most every ten seconds and at the end.
 */
final class FetchProgress implements ProgressListener, AutoCloseable {
    private static final Duration PLAIN_INTERVAL = Duration.ofSeconds(10);

    private final PrintWriter err;
    private final boolean terminal;
    private ProgressBar bar;
    private int total;
    private int done;
    private int doneAtStart;
    private long startNanos;
    private long firstDoneNanos;
    private long lastLineNanos;

    FetchProgress(PrintWriter err, boolean terminal) {
        this.err = err;
        this.terminal = terminal;
    }

    @Override
    public void planned(int total, int alreadyDone) {
        if (this.total > 0) {
            return; // later chunks of the same fetch report the same plan
        }
        this.total = total;
        this.done = alreadyDone;
        this.doneAtStart = alreadyDone;
        this.startNanos = System.nanoTime();
        this.lastLineNanos = startNanos;
        if (terminal) {
            bar = new ProgressBarBuilder().setTaskName("Fetching").setInitialMax(total).setUnit(" sessions", 1)
                    .setStyle(ProgressBarStyle.ASCII).showSpeed().build();
            bar.stepTo(alreadyDone);
        }
    }

    @Override
    public void session(LocalDate session, SessionOutcome outcome) {
        done++;
        if (done - doneAtStart == 1) {
            firstDoneNanos = System.nanoTime();
        }
        if (bar != null) {
            bar.step();
            bar.setExtraMessage(session.toString());
            return;
        }
        long now = System.nanoTime();
        if (Duration.ofNanos(now - lastLineNanos).compareTo(PLAIN_INTERVAL) >= 0 || done == total) {
            lastLineNanos = now;
            err.println(line(session, now));
            err.flush();
        }
    }

    String line(LocalDate session, long now) {
        int fetchedHere = done - doneAtStart;
        String left = "";
        // The pace is measured from the first finished session on: the first request does not wait
        // for a rate-limit permit, so counting it would promise far too little time at 5 a minute.
        if (fetchedHere >= 2 && done < total) {
            long perSession = (now - firstDoneNanos) / (fetchedHere - 1);
            left = ", about " + human(Duration.ofNanos(perSession * (total - done))) + " left";
        }
        return String.format("fetch: %d/%d sessions (%d%%), at %s%s", done, total,
                total == 0 ? 100 : done * 100 / total, session, left);
    }

    /** Milliseconds under 0.1 s and tenths under 10 s, so that a quick stage does not read as a second. */
    static String human(Duration duration) {
        if (duration.compareTo(Duration.ofMillis(100)) < 0) {
            return Math.max(0, duration.toMillis()) + " ms";
        }
        if (duration.compareTo(Duration.ofSeconds(10)) < 0) {
            return String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
        }
        long seconds = duration.toSeconds();
        if (seconds < 90) {
            return seconds + " s";
        }
        if (seconds < 90 * 60) {
            return Math.round(seconds / 60.0) + " min";
        }
        return String.format(Locale.ROOT, "%.1f h", seconds / 3600.0);
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
        }
    }
}
