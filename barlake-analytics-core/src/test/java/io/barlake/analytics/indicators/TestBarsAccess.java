package io.barlake.analytics.indicators;

import io.barlake.analytics.series.BarSeries;

/** Opens the indicator tests' bars to tests of other packages. */
public final class TestBarsAccess {
    private TestBarsAccess() {}

    public static BarSeries randomWalk(long seed, int n) {
        return TestBars.randomWalk(seed, n);
    }

    public static BarSeries apple2013() {
        return TestBars.apple2013();
    }

    public static BarSeries gappy(long seed, int n) {
        return TestBars.gappy(seed, n);
    }

    public static BarSeries candles(long seed, int n) {
        return TestBars.candles(seed, n);
    }

    public static BarSeries planted(long seed, int n) {
        return TestBars.planted(seed, n);
    }
}
