package io.barlake.analytics.indicators;

/**
 * Ehlers' Hilbert transform indicators as TA-Lib computes them: the price smoothed by a 4-bar
 * weighted average, the Hilbert transform taken separately on even and odd bars (three-bar
 * circular buffers), the dominant cycle period from the phase rate of change, and from them the
 * in-phase and quadrature components, the dominant cycle phase, the sine wave and its lead, the
 * instantaneous trendline, the trend/cycle mode, and MESA's adaptive moving average. One pass
 * from the first bar; values from each function's lookback on (32 for the period, phasor and
 * MAMA, 63 for the others). Source: TA-Lib {@code TA_HT_*}, {@code TA_MAMA}.
 */
public final class Hilbert {
    /** The period and phasor's lookback. */
    public static final int SHORT_LOOKBACK = 32;
    /** The phase, sine, trendline and trend mode's lookback. */
    public static final int LONG_LOOKBACK = 63;
    private static final double A = 0.0962;
    private static final double B = 0.5769;
    private static final int SMOOTH_PRICE_SIZE = 50;

    private Hilbert() {}

    /** Every output, over the whole series (NaN before each one's lookback). */
    public record Cycle(double[] period, double[] inPhase, double[] quadrature, double[] phase, double[] sine, double[] leadSine,
            double[] trendline, double[] trendMode) {}

    /** MESA adaptive moving average and its following average. */
    public record Mama(double[] mama, double[] fama) {}

    /** One Hilbert transform's state: a three-slot buffer per bar parity, and the previous values, also per parity. */
    private static final class Transform {
        private final double[][] buffer = new double[2][3];
        private final double[] previous = new double[2];
        private final double[] previousInput = new double[2];

        double apply(double input, int slot, boolean isEven, double adjustedPrevPeriod) {
            int parity = isEven ? 0 : 1;
            double scaled = A * input;
            double value = -buffer[parity][slot];
            buffer[parity][slot] = scaled;
            value += scaled;
            value -= previous[parity];
            previous[parity] = B * previousInput[parity];
            value += previous[parity];
            previousInput[parity] = input;
            value *= adjustedPrevPeriod;
            return value;
        }
    }

    /**
     * The cycle outputs as the functions of one lookback compute them: TA-Lib warms the price
     * smoother up for 9 bars in the 32-bar functions (period, phasor) and for 34 in the 63-bar
     * ones (phase, sine, trendline, trend mode), so the transform starts on a different bar and
     * the two groups' periods differ.
     */
    public static Cycle cycle(double[] values, int lookback) {
        return pass(values, 0.5, 0.05, lookback == LONG_LOOKBACK ? 34 : 9, lookback == LONG_LOOKBACK).cycle;
    }

    /** The trendline alone (63-bar group), without the phase's sums it does not read. */
    public static double[] trendline(double[] values) {
        return pass(values, 0.5, 0.05, 34, false).cycle.trendline();
    }

    /** MAMA(fast limit, slow limit) and FAMA. Lookback 32. Source: TA-Lib {@code TA_MAMA}. */
    public static Mama mama(double[] values, double fastLimit, double slowLimit) {
        return pass(values, fastLimit, slowLimit, 9, false).mama;
    }

    private record Pass(Cycle cycle, Mama mama) {}

    /**
     * @param warmUp the price smoother's warm-up: 9 for the 32-bar functions, 34 for the 63-bar ones
     *               (which also get the trendline)
     * @param phase  whether to compute the phase, sine and trend mode, whose sums cost most
     */
    private static Pass pass(double[] in, double fastLimit, double slowLimit, int warmUp, boolean phase) {
        int n = in.length;
        double[] period = Series.empty(n);
        double[] inPhase = Series.empty(n);
        double[] quadrature = Series.empty(n);
        double[] dcPhases = Series.empty(n);
        double[] sine = Series.empty(n);
        double[] leadSine = Series.empty(n);
        double[] trendline = Series.empty(n);
        double[] trendMode = Series.empty(n);
        double[] mama = Series.empty(n);
        double[] fama = Series.empty(n);
        Pass result = new Pass(new Cycle(period, inPhase, quadrature, dcPhases, sine, leadSine, trendline, trendMode), new Mama(mama, fama));
        if (n <= 3 + warmUp) {
            return result;
        }
        double rad2Deg = 180.0 / (4.0 * Math.atan(1));
        double deg2Rad = 1.0 / rad2Deg;
        double constDeg2RadBy360 = Math.atan(1) * 8.0;
        int trailingWma = 0;
        int today = 0;
        double periodWmaSub = in[today];
        double periodWmaSum = in[today++];
        periodWmaSub += in[today];
        periodWmaSum += in[today++] * 2.0;
        periodWmaSub += in[today];
        periodWmaSum += in[today++] * 3.0;
        double trailingWmaValue = 0.0;
        double smoothed = 0;
        for (int i = warmUp; i != 0; i--) {
            double price = in[today++];
            periodWmaSub += price;
            periodWmaSub -= trailingWmaValue;
            periodWmaSum += price * 4.0;
            trailingWmaValue = in[trailingWma++];
            smoothed = periodWmaSum * 0.1;
            periodWmaSum -= periodWmaSub;
        }
        Transform detrender = new Transform();
        Transform q1 = new Transform();
        Transform ji = new Transform();
        Transform jq = new Transform();
        int hilbertIdx = 0;
        double cyclePeriod = 0.0;
        double prevI2 = 0.0;
        double prevQ2 = 0.0;
        double re = 0.0;
        double im = 0.0;
        double i1ForOddPrev3 = 0.0;
        double i1ForEvenPrev3 = 0.0;
        double i1ForOddPrev2 = 0.0;
        double i1ForEvenPrev2 = 0.0;
        double smoothPeriod = 0.0;
        double[] smoothPrice = new double[SMOOTH_PRICE_SIZE];
        int smoothPriceIdx = 0;
        double dcPhase = 0.0;
        double prevDcPhase;
        double iTrend1 = 0.0;
        double iTrend2 = 0.0;
        double iTrend3 = 0.0;
        int daysInTrend = 0;
        double sineValue = 0.0;
        double leadSineValue = 0.0;
        double prevPhase = 0.0;
        double mamaValue = 0.0;
        double famaValue = 0.0;
        while (today < n) {
            double adjustedPrevPeriod = (0.075 * cyclePeriod) + 0.54;
            double todayValue = in[today];
            periodWmaSub += todayValue;
            periodWmaSub -= trailingWmaValue;
            periodWmaSum += todayValue * 4.0;
            trailingWmaValue = in[trailingWma++];
            smoothed = periodWmaSum * 0.1;
            periodWmaSum -= periodWmaSub;
            smoothPrice[smoothPriceIdx] = smoothed;
            boolean isEven = today % 2 == 0;
            double detrended = detrender.apply(smoothed, hilbertIdx, isEven, adjustedPrevPeriod);
            double quad = q1.apply(detrended, hilbertIdx, isEven, adjustedPrevPeriod);
            double i1 = isEven ? i1ForEvenPrev3 : i1ForOddPrev3;
            if (today >= SHORT_LOOKBACK) {
                quadrature[today] = quad;
                inPhase[today] = i1;
            }
            double jiValue = ji.apply(i1, hilbertIdx, isEven, adjustedPrevPeriod);
            double jqValue = jq.apply(quad, hilbertIdx, isEven, adjustedPrevPeriod);
            if (isEven && ++hilbertIdx == 3) {
                hilbertIdx = 0;
            }
            double q2 = (0.2 * (quad + jiValue)) + (0.8 * prevQ2);
            double i2 = (0.2 * (i1 - jqValue)) + (0.8 * prevI2);
            if (isEven) {
                i1ForOddPrev3 = i1ForOddPrev2;
                i1ForOddPrev2 = detrended;
            } else {
                i1ForEvenPrev3 = i1ForEvenPrev2;
                i1ForEvenPrev2 = detrended;
            }
            // MAMA: alpha from the phase's rate of change.
            double phaseNow = i1 != 0.0 ? Math.atan(quad / i1) * rad2Deg : 0.0;
            double alpha = prevPhase - phaseNow;
            prevPhase = phaseNow;
            if (alpha < 1.0) {
                alpha = 1.0;
            }
            if (alpha > 1.0) {
                alpha = fastLimit / alpha;
                if (alpha < slowLimit) {
                    alpha = slowLimit;
                }
            } else {
                alpha = fastLimit;
            }
            mamaValue = (alpha * todayValue) + ((1 - alpha) * mamaValue);
            alpha *= 0.5;
            famaValue = (alpha * mamaValue) + ((1 - alpha) * famaValue);
            if (today >= SHORT_LOOKBACK) {
                mama[today] = mamaValue;
                fama[today] = famaValue;
            }
            // The period for the next bar.
            re = (0.2 * ((i2 * prevI2) + (q2 * prevQ2))) + (0.8 * re);
            im = (0.2 * ((i2 * prevQ2) - (q2 * prevI2))) + (0.8 * im);
            prevQ2 = q2;
            prevI2 = i2;
            double previous = cyclePeriod;
            if (im != 0.0 && re != 0.0) {
                cyclePeriod = 360.0 / (Math.atan(im / re) * rad2Deg);
            }
            double bound = 1.5 * previous;
            if (cyclePeriod > bound) {
                cyclePeriod = bound;
            }
            bound = 0.67 * previous;
            if (cyclePeriod < bound) {
                cyclePeriod = bound;
            }
            if (cyclePeriod < 6) {
                cyclePeriod = 6;
            } else if (cyclePeriod > 50) {
                cyclePeriod = 50;
            }
            cyclePeriod = (0.2 * cyclePeriod) + (0.8 * previous);
            smoothPeriod = (0.33 * cyclePeriod) + (0.67 * smoothPeriod);
            if (today >= SHORT_LOOKBACK) {
                period[today] = smoothPeriod;
            }
            if (warmUp == 34) { // the 63-bar group: the trendline, and with the phase the sine and trend mode
                int dcPeriodInt = (int) (smoothPeriod + 0.5);
                // The instantaneous trendline: the mean price over the period, smoothed.
                double mean = 0.0;
                for (int i = 0, k = today; i < dcPeriodInt; i++) {
                    mean += in[k--];
                }
                if (dcPeriodInt > 0) {
                    mean = mean / (double) dcPeriodInt;
                }
                double line = (4.0 * mean + 3.0 * iTrend1 + 2.0 * iTrend2 + iTrend3) / 10.0;
                iTrend3 = iTrend2;
                iTrend2 = iTrend1;
                iTrend1 = mean;
                if (today >= LONG_LOOKBACK) {
                    trendline[today] = line;
                }
                if (phase) {
                    prevDcPhase = dcPhase;
                    dcPhase = dominantPhase(smoothPrice, smoothPriceIdx, dcPeriodInt, smoothPeriod, dcPhase, rad2Deg, constDeg2RadBy360);
                    double prevSine = sineValue;
                    double prevLeadSine = leadSineValue;
                    sineValue = Math.sin(dcPhase * deg2Rad);
                    leadSineValue = Math.sin((dcPhase + 45) * deg2Rad);
                    // Trend (1) or cycle (0).
                    int trend = 1;
                    if ((sineValue > leadSineValue && prevSine <= prevLeadSine)
                            || (sineValue < leadSineValue && prevSine >= prevLeadSine)) {
                        daysInTrend = 0;
                        trend = 0;
                    }
                    daysInTrend++;
                    if (daysInTrend < (0.5 * smoothPeriod)) {
                        trend = 0;
                    }
                    double phaseChange = dcPhase - prevDcPhase;
                    if (smoothPeriod != 0.0 && phaseChange > (0.67 * 360.0 / smoothPeriod)
                            && phaseChange < (1.5 * 360.0 / smoothPeriod)) {
                        trend = 0;
                    }
                    double price = smoothPrice[smoothPriceIdx];
                    if (line != 0.0 && Math.abs((price - line) / line) >= 0.015) {
                        trend = 1;
                    }
                    if (today >= LONG_LOOKBACK) {
                        dcPhases[today] = dcPhase;
                        sine[today] = sineValue;
                        leadSine[today] = leadSineValue;
                        trendMode[today] = trend;
                    }
                }
            }
            smoothPriceIdx = smoothPriceIdx + 1 == SMOOTH_PRICE_SIZE ? 0 : smoothPriceIdx + 1;
            today++;
        }
        return result;
    }

    /** The dominant cycle phase, in degrees, over the last {@code dcPeriodInt} smoothed prices; {@code previous} where it is undefined. */
    private static double dominantPhase(double[] smoothPrice, int newest, int dcPeriodInt, double smoothPeriod, double previous,
            double rad2Deg, double constDeg2RadBy360) {
        double realPart = 0.0;
        double imagPart = 0.0;
        int idx = newest;
        for (int i = 0; i < dcPeriodInt; i++) {
            double angle = ((double) i * constDeg2RadBy360) / (double) dcPeriodInt;
            double price = smoothPrice[idx];
            realPart += Math.sin(angle) * price;
            imagPart += Math.cos(angle) * price;
            idx = idx == 0 ? SMOOTH_PRICE_SIZE - 1 : idx - 1;
        }
        double dcPhase = previous;
        double magnitude = Math.abs(imagPart);
        if (magnitude > 0.0) {
            dcPhase = Math.atan(realPart / imagPart) * rad2Deg;
        } else if (magnitude <= 0.01) {
            if (realPart < 0.0) {
                dcPhase -= 90.0;
            } else if (realPart > 0.0) {
                dcPhase += 90.0;
            }
        }
        dcPhase += 90.0;
        dcPhase += 360.0 / smoothPeriod; // the weighted average's one-bar lag
        if (imagPart < 0.0) {
            dcPhase += 180.0;
        }
        if (dcPhase > 315.0) {
            dcPhase -= 360.0;
        }
        return dcPhase;
    }
}
