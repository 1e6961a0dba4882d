package io.barlake.consolidator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.barlake.lake.model.DailyBar;
import io.barlake.lake.model.Split;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SplitCheckTest {
    private static final Instant AT = Instant.parse("2022-07-01T00:00:00Z");

    private static DailyBar bar(String date, double open, double close) {
        return new DailyBar("SHOP", LocalDate.parse(date), open, Math.max(open, close) * 1.01, Math.min(open, close) * 0.99,
                close, 1_000_000, null, null, "polygon", AT);
    }

    @ParameterizedTest
    @CsvSource({
            "1, 10, 0.2231", // 10-for-1: within 25 %
            "10, 1, 0.2231", // 1-for-10 reverse
            "3, 4, 0.1438", // 4-for-3: half of ln(4/3), nearer the split than no split
            "20, 21, 0.0244" // a 5 % stock dividend: within about 2.5 %
    })
    void theToleranceIsAQuarterOrHalfTheSplitsOwnSizeInLogTerms(double from, double to, double tolerance) {
        assertThat(SplitCheck.tolerance(to / from)).isCloseTo(tolerance, within(1e-4));
    }

    @Test
    void aTenForOneSplitShowsAsATenfoldGapFromTheLastCloseToTheFirstOpen() {
        Split split = new Split("SHOP", LocalDate.of(2022, 6, 29), 1, 10);
        SplitCheck.Verdict verdict = SplitCheck.judge(split, List.of(bar("2022-06-27", 330, 321), bar("2022-06-28", 321, 318.5)),
                List.of(bar("2022-06-29", 31.9, 31.3)));
        assertThat(verdict.status()).isEqualTo(SplitCheck.Status.CONFIRMED);
        assertThat(verdict.observed()).isCloseTo(318.5 / 31.9, within(1e-12));
        assertThat(verdict.reason()).isEqualTo("prices moved ×9.9843 from 2022-06-28 to 2022-06-29");
    }

    @Test
    void aSplitThePricesDoNotShowIsUnconfirmedWithTheMoveSeen() {
        Split split = new Split("SHOP", LocalDate.of(2022, 6, 22), 1, 10);
        SplitCheck.Verdict verdict = SplitCheck.judge(split, List.of(bar("2022-06-21", 340, 345)), List.of(bar("2022-06-22", 338, 331)));
        assertThat(verdict.status()).isEqualTo(SplitCheck.Status.UNCONFIRMED);
        assertThat(verdict.reason()).isEqualTo("prices moved ×1.0207 from the close of 2022-06-21 to the open of 2022-06-22, "
                + "not ×10 as 10-for-1 on 2022-06-22 would (tolerance ±25.0%)");
    }

    @Test
    void withoutBarsOnOneSideTheSplitCannotBeConfirmedAndWithoutAnyThereIsNothingToAdjust() {
        Split split = new Split("SHOP", LocalDate.of(2022, 6, 29), 1, 10);
        assertThat(SplitCheck.judge(split, List.of(), List.of(bar("2022-06-29", 31.9, 31.3))).reason())
                .isEqualTo("no bar of SHOP within 10 sessions before 2022-06-29 to check 10-for-1 on 2022-06-29 against");
        assertThat(SplitCheck.judge(split, List.of(), List.of()).status()).isEqualTo(SplitCheck.Status.NOT_TRADED);
    }
}
