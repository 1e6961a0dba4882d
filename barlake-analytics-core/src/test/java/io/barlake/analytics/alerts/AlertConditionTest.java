package io.barlake.analytics.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.barlake.analytics.series.BarSeries;
import io.barlake.analytics.strategy.StrategyConfigException;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class AlertConditionTest {
    private static BarSeries closes(double... closes) {
        LocalDate[] dates = new LocalDate[closes.length];
        for (int i = 0; i < closes.length; i++) {
            dates[i] = LocalDate.of(2025, 1, 2).plusDays(i);
        }
        return new BarSeries("T", dates, closes.clone(), closes.clone(), closes.clone(), closes.clone(), new double[closes.length]);
    }

    @Test
    void aLevelFiresOnlyOnTheSessionTheCloseCrossesIt() {
        assertThat(new AlertCondition.PriceAbove(100).firesAtLatest(closes(98, 99, 100))).isTrue();
        assertThat(new AlertCondition.PriceAbove(100).firesAtLatest(closes(98, 101, 102))).as("crossed a session earlier").isFalse();
        assertThat(new AlertCondition.PriceBelow(100).firesAtLatest(closes(102, 101, 99.5))).isTrue();
        assertThat(new AlertCondition.PriceBelow(100).firesAtLatest(closes(99.5))).as("one bar: no cross").isFalse();
    }

    @Test
    void anExpressionOfTheCompositeGrammarIsCheckedAtTheLatestBar() {
        AlertCondition.Expression above = AlertCondition.expression(
                "{\"left\":{\"price\":\"close\"},\"op\":\"CROSS_ABOVE\",\"right\":{\"indicator\":\"SMA\",\"params\":[3]}}");
        assertThat(above.firesAtLatest(closes(10, 9, 8, 7, 12))).isTrue();
        assertThat(above.firesAtLatest(closes(10, 9, 8, 7, 6))).isFalse();
        assertThat(above.describe()).startsWith("condition held: {\"left\"");
    }

    @Test
    void aBadExpressionListsItsProblemsFromTheConditionDown() {
        StrategyConfigException e = catchThrowableOfType(StrategyConfigException.class, () -> AlertCondition.expression(
                "{\"left\":{\"indicator\":\"SMAA\",\"params\":[3]},\"op\":\"GT\",\"right\":{\"constant\":1}}"));
        assertThat(e.problems()).extracting(Object::toString)
                .containsExactly("condition.left.indicator: unknown indicator 'SMAA'; did you mean 'SMA'?");
    }
}
