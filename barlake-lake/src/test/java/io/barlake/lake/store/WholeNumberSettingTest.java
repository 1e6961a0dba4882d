package io.barlake.lake.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class WholeNumberSettingTest {
    @Test
    void unsetTakesTheDefaultAndAWholeNumberInRangeIsRead() {
        assertThat(WholeNumberSetting.parse("N", null, 30, 0, 100, "a number of days")).isEqualTo(30);
        assertThat(WholeNumberSetting.parse("N", " 7 ", 30, 0, 100, "a number of days")).isEqualTo(7);
        assertThat(WholeNumberSetting.parse("N", "0", 30, 0, 100, "a number of days")).isZero();
    }

    @Test
    void blankWordsFractionsAndOutOfRangeAreOneLineNamingTheSetting() {
        for (String bad : new String[] {"", "  ", "five", "1.5", "-1", "101"}) {
            assertThatThrownBy(() -> WholeNumberSetting.parse("N", bad, 30, 0, 100, "a number of days from 0 to 100"))
                    .isInstanceOf(InvalidSettingException.class)
                    .hasMessage("Invalid N '" + bad + "': expected a number of days from 0 to 100");
        }
    }
}
