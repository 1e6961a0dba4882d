package io.barlake.signals.scan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PickTextTest {
    private static final String[] LABELS = {"RSI(14)", "close", "BBANDS(20,2).middle", "MACD(12,26,9).signal", "a \"quoted\" label",
        "back\\slash", "tab\there", "ünïcode €", "control\u0001char"};
    private static final String[] TIMEFRAMES = {"1d", "3d", "5d", "8d", "13d", "21d", "34d"};

    @Test
    void theValuesJsonIsWhatJacksonWritesForTheSameTreeOnRandomValuesAndLabels() {
        ObjectMapper jackson = new ObjectMapper();
        Random random = new Random(20261130);
        for (int pick = 0; pick < 20_000; pick++) {
            ObjectNode tree = jackson.createObjectNode();
            PickText.Values ours = new PickText.Values();
            for (String timeframe : TIMEFRAMES) {
                if (random.nextInt(3) != 0) {
                    continue;
                }
                ObjectNode read = tree.putObject(timeframe);
                ours.timeframe(timeframe);
                for (int v = 1 + random.nextInt(4); v > 0; v--) {
                    String label = LABELS[random.nextInt(LABELS.length)] + v; // distinct within a timeframe, as the readings' labels are
                    double value = value(random);
                    if (Double.isFinite(value)) {
                        read.put(label, value);
                    } else {
                        read.putNull(label);
                    }
                    ours.value(label, value);
                }
            }
            assertThat(ours.text()).isEqualTo(tree.toString());
        }
    }

    @Test
    void whatEachTimeframeSaidIsJoinedByCommas() {
        StringBuilder text = new StringBuilder();
        PickText.timeframe(text, "1d", io.barlake.analytics.strategy.Signal.BUY);
        PickText.timeframe(text, "5d", io.barlake.analytics.strategy.Signal.HOLD);
        assertThat(text).hasToString("1d:BUY,5d:HOLD");
    }

    /** Ordinary prices and ratios, but also the shapes that print differently: tiny, huge, negative zero, integral, not finite. */
    private static double value(Random random) {
        return switch (random.nextInt(9)) {
            case 0 -> random.nextDouble() * 1e-7;
            case 1 -> random.nextDouble() * 1e12;
            case 2 -> -0.0;
            case 3 -> Math.rint(random.nextDouble() * 500);
            case 4 -> Double.NaN;
            case 5 -> random.nextBoolean() ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
            case 6 -> -random.nextDouble() * 100;
            default -> random.nextDouble() * 1000;
        };
    }
}
