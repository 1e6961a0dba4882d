package io.barlake.resampler.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.barlake.lake.model.Timeframe;
import io.barlake.lake.store.InvalidSettingException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ResamplerMainTest {
    @Test
    void resampleSessionsPicksOneTimeframeOrAll() {
        assertThat(ResamplerMain.timeframes(Map.of("RESAMPLE_SESSIONS", "13"))).containsExactly(Timeframe.D13);
        assertThat(ResamplerMain.timeframes(Map.of())).isEqualTo(Timeframe.resampled());
        assertThat(ResamplerMain.timeframes(Map.of("RESAMPLE_SESSIONS", "all"))).hasSize(6);
    }

    @Test
    void asABatchJobItPrintsOneMetricsLinePerRun(@org.junit.jupiter.api.io.TempDir java.nio.file.Path folder) throws Exception {
        java.io.ByteArrayOutputStream metrics = new java.io.ByteArrayOutputStream();
        try (io.barlake.lake.store.LocalObjectStore store = new io.barlake.lake.store.LocalObjectStore(folder)) {
            String summary = ResamplerMain.resample(store, Map.of("RESAMPLE_SESSIONS", "5", "BARLAKE_RUN_ID", "run-1"),
                    java.time.Clock.systemUTC(), new java.io.PrintStream(metrics, true, java.nio.charset.StandardCharsets.UTF_8));
            assertThat(summary).startsWith("5d: 0 buckets");
        }
        java.util.List<String> lines = metrics.toString(java.nio.charset.StandardCharsets.UTF_8).lines().toList();
        assertThat(lines).singleElement().asString().isEqualTo("{\"barlake_metrics\":\"resample\",\"run_id\":\"run-1\","
                + "\"timeframes\":1,\"buckets_rebuilt\":0,\"symbols_rebuilt\":0,\"objects_written\":0}");
    }

    @Test
    void anythingElseNamesTheSetting() {
        for (String bad : new String[] {"7", "1", "five"}) {
            assertThatThrownBy(() -> ResamplerMain.timeframes(Map.of("RESAMPLE_SESSIONS", bad)))
                    .isInstanceOf(InvalidSettingException.class)
                    .hasMessage("Invalid RESAMPLE_SESSIONS '" + bad + "': expected 3, 5, 8, 13, 21, 34 or all");
        }
    }
}
