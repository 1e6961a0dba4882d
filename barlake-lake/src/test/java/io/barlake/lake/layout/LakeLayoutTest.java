package io.barlake.lake.layout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.barlake.lake.model.Timeframe;
import io.barlake.lake.store.ObjectKeys;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class LakeLayoutTest {
    private static final LocalDate DAY = LocalDate.of(2025, 6, 2);

    @Test
    void keysFollowTheDesign() {
        assertThat(LakeLayout.bronzeBars(DAY)).isEqualTo("bronze/bars/date=2025-06-02/grouped.json.gz");
        assertThat(LakeLayout.bronzeBarsMeta(DAY)).isEqualTo("bronze/bars/date=2025-06-02/_meta.json");
        assertThat(LakeLayout.bronzeTickers(DAY)).isEqualTo("bronze/tickers/date=2025-06-02/tickers.json.gz");
        assertThat(LakeLayout.bronzeSplits(DAY)).isEqualTo("bronze/splits/date=2025-06-02/splits.json.gz");
        assertThat(LakeLayout.silverDaily(2025)).isEqualTo("silver/daily/year=2025/bars.parquet");
        assertThat(LakeLayout.rejects(DAY)).isEqualTo("silver/rejects/date=2025-06-02/rejects.jsonl");
        assertThat(LakeLayout.bars(Timeframe.D13, 2025)).isEqualTo("silver/13d/year=2025/bars.parquet");
        assertThat(LakeLayout.bars(Timeframe.D1, 2025)).isEqualTo(LakeLayout.silverDaily(2025));
        assertThat(LakeLayout.SILVER_TICKERS).isEqualTo("silver/tickers/tickers.parquet");
        assertThat(LakeLayout.SILVER_SPLITS).isEqualTo("silver/splits/splits.parquet");
        assertThat(LakeLayout.signals(DAY)).isEqualTo("gold/signals/date=2025-06-02/signals.parquet");
        assertThat(LakeLayout.watermark("bronze-bars")).isEqualTo("_state/watermarks/bronze-bars.json");
        assertThat(LakeLayout.checkpoint("consolidator")).isEqualTo("_state/checkpoints/consolidator.json");
        assertThat(LakeLayout.runReport("20250602t210500z-3f9a1c")).isEqualTo("_runs/20250602t210500z-3f9a1c.json");
    }

    @Test
    void everyKeyIsAValidLakeKey() {
        List<String> keys = List.of(LakeLayout.bronzeBars(DAY), LakeLayout.bronzeBarsMeta(DAY), LakeLayout.rejects(DAY),
                LakeLayout.bars(Timeframe.D34, 2099), LakeLayout.signals(DAY), LakeLayout.watermark("x"),
                LakeLayout.SILVER_TICKERS, LakeLayout.SILVER_SPLITS);
        assertThat(keys).allSatisfy(ObjectKeys::requireValid);
    }

    @Test
    void partitionsParseBack() {
        assertThat(LakeLayout.dateOf(LakeLayout.bronzeBars(DAY))).hasValue(DAY);
        assertThat(LakeLayout.dateOf("bronze/bars/date=2025-13-45/x")).isEmpty();
        assertThat(LakeLayout.dateOf(LakeLayout.silverDaily(2025))).isEmpty();
        assertThat(LakeLayout.yearOf(LakeLayout.bars(Timeframe.D5, 2024))).hasValue(2024);
        assertThat(LakeLayout.nameOf(LakeLayout.watermark("bronze-bars"))).isEqualTo("bronze-bars");
    }

    @Test
    void stateNamesCannotBuildPaths() {
        assertThatThrownBy(() -> LakeLayout.watermark("../x")).hasMessageStartingWith("Invalid state name '../x'");
        assertThatThrownBy(() -> LakeLayout.runReport("A/B")).hasMessageStartingWith("Invalid state name 'A/B'");
    }
}
