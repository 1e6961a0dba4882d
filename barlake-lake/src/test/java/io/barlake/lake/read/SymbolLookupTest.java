package io.barlake.lake.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.barlake.lake.store.InvalidSettingException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SymbolLookupTest {
    private static final List<String> KNOWN = List.of("AAPL", "BRK.A", "KIMpL", "KIMpM", "KIMPM");

    @ParameterizedTest
    @CsvSource({
            "KIMpL, KIMpL", // exact
            "kimpl, KIMpL", // one match ignoring case
            "KIMPL, KIMpL",
            "brk.a, BRK.A",
            "KIMpM, KIMpM", // exact wins over its case twin
            "KIMPM, KIMPM",
            "ZZZZ, ZZZZ" // unknown: asked as is, and the read says nothing is there
    })
    void anExactTickerWinsAndOtherwiseOneCaseInsensitiveMatchIsTaken(String asked, String found) {
        assertThat(SymbolLookup.resolve(asked, KNOWN)).isEqualTo(found);
    }

    @Test
    void twoTickersDifferingOnlyInCaseMakeAFoldedAskAnErrorNamingBoth() {
        assertThatThrownBy(() -> SymbolLookup.resolve("kimpm", KNOWN))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessage("Invalid symbol 'kimpm': matches KIMPM and KIMpM ignoring case; ask for one exactly");
    }
}
