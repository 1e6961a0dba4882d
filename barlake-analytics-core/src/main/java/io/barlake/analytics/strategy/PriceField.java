package io.barlake.analytics.strategy;

import io.barlake.analytics.series.BarSeries;

/** A column of the bars, usable as an operand or as an indicator's input. */
public enum PriceField {
    OPEN, HIGH, LOW, CLOSE, VOLUME;

    public double[] of(BarSeries bars) {
        return switch (this) {
            case OPEN -> bars.open();
            case HIGH -> bars.high();
            case LOW -> bars.low();
            case CLOSE -> bars.close();
            case VOLUME -> bars.volume();
        };
    }

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
