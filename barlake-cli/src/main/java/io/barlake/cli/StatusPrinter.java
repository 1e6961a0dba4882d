package io.barlake.cli;

import io.barlake.lake.state.QualityReport;
import io.barlake.lake.state.RunReport;
import io.barlake.lake.state.Watermark;
import io.barlake.lake.status.DatasetStatus;
import io.barlake.lake.status.LakeStatus;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Locale;

/** Renders a {@link LakeStatus} as the human-readable text of {@code barlake status}. */
final class StatusPrinter {

    String print(LakeStatus status) {
        StringBuilder out = new StringBuilder();
        out.append("Lake: ").append(status.location()).append('\n');
        if (status.empty()) {
            out.append("empty lake: nothing fetched yet. Fill it with './barlake run'.\n");
            return out.toString();
        }
        if (status.synthetic()) {
            out.append(SyntheticData.WARNING).append('\n');
        } else if (!status.sources().isEmpty()) {
            out.append("Data: ").append(String.join(", ", status.sources())).append('\n');
        }
        out.append('\n');
        out.append(String.format(Locale.ROOT, "%-31s %8s %10s %9s %11s %8s  %-10s  %-10s%n",
                "DATASET", "OBJECTS", "SIZE", "SESSIONS", "ROWS", "SYMBOLS", "FIRST", "LAST"));
        for (DatasetStatus dataset : status.datasets()) {
            if (dataset.isEmpty()) {
                out.append(String.format(Locale.ROOT, "%-31s %8s%n", dataset.name(), "empty"));
                continue;
            }
            out.append(String.format(Locale.ROOT, "%-31s %8d %10s %9s %11s %8s  %-10s  %-10s%n",
                    dataset.name(), dataset.objects(), size(dataset.bytes()), count(dataset.sessions()),
                    count(dataset.rows()), count(dataset.symbols()), date(dataset.first()), date(dataset.last())));
        }

        out.append("\nFreshness: latest closed NYSE session ").append(status.latestClosedSession()).append(": ");
        if (status.sessionsBehind() < 0) {
            out.append("no daily bars yet\n");
        } else if (status.fresh()) {
            out.append("daily bars are fresh\n");
        } else {
            out.append("daily bars are ").append(status.sessionsBehind()).append(" session")
                    .append(status.sessionsBehind() == 1 ? "" : "s").append(" behind\n");
        }

        if (status.quality() != null) {
            QualityReport quality = status.quality();
            out.append("\nQuality: ").append(quality.session()).append(' ').append(quality.verdict()).append(", ")
                    .append(String.format(Locale.ROOT, "%,d symbols", quality.symbols()));
            if (quality.previousSymbols() != null) {
                out.append(String.format(Locale.ROOT, " (%,d the session before)", quality.previousSymbols()));
            }
            quality.counts().forEach((kind, count) -> out.append(String.format(Locale.ROOT, ", %,d %s", count, kind.replace('_', ' '))));
            out.append('\n');
            if (quality.held()) {
                out.append("  held: ").append(quality.reason()).append('\n');
            }
        }

        out.append("\nWatermarks:");
        if (status.watermarks().isEmpty()) {
            out.append(" none\n");
        } else {
            out.append('\n');
            for (Watermark watermark : status.watermarks()) {
                out.append(String.format(Locale.ROOT, "  %-20s %s  (moved %s)%n", watermark.name(), watermark.session(),
                        watermark.updatedAt()));
            }
        }

        out.append("\nLast runs:");
        if (status.latestRuns().isEmpty()) {
            out.append(" none\n");
        } else {
            out.append('\n');
            for (RunReport run : status.latestRuns()) {
                out.append(String.format(Locale.ROOT, "  %-24s %-9s %-8s %s%s%n", run.runId(), run.status(),
                        duration(run), run.command(), run.error() == null ? "" : "  -- " + run.error()));
            }
        }
        if (!status.problems().isEmpty()) {
            out.append("\nProblems (").append(status.problems().size()).append("):\n");
            status.problems().forEach(problem -> out.append("  ").append(problem).append('\n'));
        }
        return out.toString();
    }

    private static String count(long value) {
        return value < 0 ? "-" : String.format(Locale.ROOT, "%,d", value);
    }

    private static String date(LocalDate date) {
        return date == null ? "-" : date.toString();
    }

    private static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        String[] units = {"KiB", "MiB", "GiB", "TiB"};
        double value = bytes;
        int unit = -1;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
    }

    private static String duration(RunReport run) {
        if (run.finishedAt() == null) {
            return "running";
        }
        Duration duration = Duration.between(run.startedAt(), run.finishedAt());
        return duration.toMinutes() > 0
                ? duration.toMinutes() + "m" + duration.toSecondsPart() + "s"
                : duration.toSecondsPart() + "." + duration.toMillisPart() / 100 + "s";
    }
}
