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
    void anythingElseNamesTheSetting() {
        for (String bad : new String[] {"7", "1", "five"}) {
            assertThatThrownBy(() -> ResamplerMain.timeframes(Map.of("RESAMPLE_SESSIONS", bad)))
                    .isInstanceOf(InvalidSettingException.class)
                    .hasMessage("Invalid RESAMPLE_SESSIONS '" + bad + "': expected 3, 5, 8, 13, 21, 34 or all");
        }
    }
}
