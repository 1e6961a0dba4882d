package io.barlake.lake.status;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.barlake.lake.bronze.BronzeMeta;
import io.barlake.lake.state.QualityReport;
import io.barlake.lake.state.RunReport;
import io.barlake.lake.state.Watermark;
import java.time.LocalDate;
import java.util.List;

/**
 * A snapshot of a lake: what every dataset holds, the watermarks, how fresh the daily bars are
 * and the latest runs. {@code barlake status} prints it; the serving health check reuses it.
 *
 * @param location            where the lake lives
 * @param empty               true when the lake holds no object at all
 * @param datasets            every dataset of the layout, in layout order, empty ones included
 * @param watermarks          all watermarks
 * @param latestClosedSession the latest NYSE session whose close has passed
 * @param sessionsBehind      sessions between the last daily bar and {@code latestClosedSession},
 *                            or -1 when there are no daily bars
 * @param latestRuns          newest first
 * @param problems            what could not be read or is not as its stage wrote it, one line each:
 *                            unreadable state documents and bar files, bar files missing or
 *                            changed since written, incomplete bronze sessions
 * @param sources             where the consolidated sessions came from ({@code synthetic},
 *                            {@code polygon}, …), sorted
 * @param quality             the quality gate's latest verdict with its counts (the findings
 *                            themselves are in its file), or null before the first
 */
public record LakeStatus(String location, boolean empty, List<DatasetStatus> datasets, List<Watermark> watermarks,
        LocalDate latestClosedSession, int sessionsBehind, List<RunReport> latestRuns, List<String> problems,
        List<String> sources, QualityReport quality) {
    public LakeStatus {
        requireNonNull(location, "location is null");
        sources = List.copyOf(sources);
        datasets = List.copyOf(datasets);
        watermarks = List.copyOf(watermarks);
        latestRuns = List.copyOf(latestRuns);
        problems = List.copyOf(problems);
    }

    /**
     * True when any session in silver came from the synthetic market: its prices are generated, and
     * every surface (status, API, dashboard, reports) must say so.
     */
    @JsonProperty("synthetic")
    public boolean synthetic() {
        return sources.contains(BronzeMeta.SYNTHETIC_SOURCE);
    }

    /** True when the daily bars include the latest closed session. */
    public boolean fresh() {
        return sessionsBehind == 0;
    }
}
