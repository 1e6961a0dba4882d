package io.barlake.analytics.indicators;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import io.barlake.analytics.series.BarSeries;

/** Bars for indicator tests: real 2013 Apple dailies (shipped in ta4j-examples) and seeded random walks. */
final class TestBars {
    private TestBars() {}

    /** The 252 unadjusted daily bars of Apple in 2013. */
    static BarSeries apple2013() {
        try (InputStream in = TestBars.class.getResourceAsStream("/appleinc_bars_from_20130101_usd.csv")) {
            if (in == null) {
                throw new IllegalStateException("appleinc_bars_from_20130101_usd.csv is not on the test classpath");
            }
            List<String[]> rows = new ArrayList<>();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            reader.readLine();
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isBlank()) {
                    rows.add(line.split(","));
                }
            }
            int n = rows.size();
            LocalDate[] dates = new LocalDate[n];
            double[][] columns = new double[5][n];
            for (int i = 0; i < n; i++) {
                dates[i] = LocalDate.parse(rows.get(i)[0]);
                for (int c = 0; c < 5; c++) {
                    columns[c][i] = Double.parseDouble(rows.get(i)[c + 1]);
                }
            }
            return new BarSeries("AAPL", dates, columns[0], columns[1], columns[2], columns[3], columns[4]);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A seeded random walk of {@code n} daily bars with consistent OHLC, flat stretches and gaps. */
    static BarSeries randomWalk(long seed, int n) {
        Random random = new Random(seed);
        LocalDate[] dates = new LocalDate[n];
        double[] open = new double[n];
        double[] high = new double[n];
        double[] low = new double[n];
        double[] close = new double[n];
        double[] volume = new double[n];
        double price = 20 + random.nextDouble() * 300;
        LocalDate day = LocalDate.of(2000, 1, 3);
        for (int i = 0; i < n; i++) {
            dates[i] = day;
            day = day.plusDays(1);
            boolean flat = random.nextInt(40) == 0; // halted-looking bars: all four prices equal
            double o = price * (1 + random.nextGaussian() * 0.01);
            double c = flat ? o : Math.max(0.5, o * (1 + random.nextGaussian() * 0.02));
            open[i] = o;
            close[i] = c;
            high[i] = flat ? o : Math.max(o, c) * (1 + random.nextDouble() * 0.015);
            low[i] = flat ? o : Math.min(o, c) * (1 - random.nextDouble() * 0.015);
            volume[i] = flat ? 0 : 1_000 + random.nextInt(5_000_000);
            price = c;
        }
        return new BarSeries("RND" + seed, dates, open, high, low, close, volume);
    }

    /**
     * A seeded random walk with what real tapes have and smooth walks lack: opening gaps of up to
     * ±15 %, limit moves (a bar locked at ±10 %: open = high = low = close), flat halted bars
     * with no volume, shaven candles after a gap, and prices below a dollar.
     */
    static BarSeries gappy(long seed, int n) {
        Random random = new Random(seed);
        LocalDate[] dates = new LocalDate[n];
        double[][] columns = new double[5][n];
        double price = 0.5 + random.nextDouble() * 80;
        LocalDate day = LocalDate.of(2001, 1, 2);
        for (int i = 0; i < n; i++) {
            dates[i] = day;
            day = day.plusDays(1 + random.nextInt(3));
            int kind = random.nextInt(25);
            double o;
            double c;
            double h;
            double l;
            double v = 100 + random.nextInt(3_000_000);
            if (kind == 0) { // locked limit move
                o = c = h = l = price * (random.nextBoolean() ? 1.10 : 0.90);
            } else if (kind == 1) { // halted
                o = c = h = l = price;
                v = 0;
            } else if (kind == 3) { // a shaven candle (no shadows) after an opening gap: a kicking pattern's half
                o = price * (1 + (random.nextBoolean() ? 0.04 : -0.04));
                c = o * (random.nextBoolean() ? 1.06 : 0.94);
                h = Math.max(o, c);
                l = Math.min(o, c);
            } else {
                o = price * (1 + (kind == 2 ? (random.nextDouble() - 0.5) * 0.3 : random.nextGaussian() * 0.01));
                c = Math.max(0.01, o * (1 + random.nextGaussian() * 0.03));
                h = Math.max(o, c) * (1 + random.nextDouble() * 0.02);
                l = Math.min(o, c) * (1 - random.nextDouble() * 0.02);
            }
            columns[0][i] = o;
            columns[1][i] = h;
            columns[2][i] = l;
            columns[3][i] = c;
            columns[4][i] = v;
            price = c;
        }
        return new BarSeries("GAP" + seed, dates, columns[0], columns[1], columns[2], columns[3], columns[4]);
    }

    /**
     * Candles drawn one by one around a slowly drifting level (not a walk of closes): bodies of
     * every size, shadows often shaven off, frequent gaps. Many-candle patterns that a walk
     * rarely draws appear here often enough to be checked.
     */
    static BarSeries candles(long seed, int n) {
        Random random = new Random(seed);
        LocalDate[] dates = new LocalDate[n];
        double[][] columns = new double[5][n];
        double level = 50;
        LocalDate day = LocalDate.of(1995, 1, 2);
        for (int i = 0; i < n; i++) {
            dates[i] = day;
            day = day.plusDays(1);
            level = Math.max(5, level * (1 + random.nextGaussian() * 0.005));
            double o = level * (1 + (random.nextDouble() - 0.5) * 0.08);
            double c = o * (1 + random.nextGaussian() * 0.03);
            double h = Math.max(o, c) * (1 + (random.nextInt(3) == 0 ? 0 : random.nextDouble() * 0.02));
            double l = Math.min(o, c) * (1 - (random.nextInt(3) == 0 ? 0 : random.nextDouble() * 0.02));
            columns[0][i] = o;
            columns[1][i] = h;
            columns[2][i] = l;
            columns[3][i] = c;
            columns[4][i] = 1_000 + random.nextInt(1_000_000);
        }
        return new BarSeries("CANDLES" + seed, dates, columns[0], columns[1], columns[2], columns[3], columns[4]);
    }

    /**
     * Calm candles (small bodies, short shadows around 50) with textbook instances of the rarest
     * patterns planted every 40 bars, in turn: mat hold, three stars in the south, concealing baby
     * swallow. Each template is {open, high, low, close} per candle.
     */
    static BarSeries planted(long seed, int n) {
        double[][][] templates = {
            {{50, 54.2, 49.8, 54}, {55, 55.2, 54.5, 54.6}, {54.4, 54.5, 53.8, 53.9}, {54.2, 54.3, 53.6, 53.7}, {53.8, 56.1, 53.7, 56}},
            {{55, 55.1, 46.5, 51}, {53, 53.1, 50, 51.5}, {51.2, 51.2, 51, 51}},
            {{55, 55, 53, 53}, {53.5, 53.5, 51.5, 51.5}, {51, 52, 50.4, 50.5}, {52.5, 52.5, 49.7, 49.8}},
        };
        Random random = new Random(seed);
        LocalDate[] dates = new LocalDate[n];
        double[][] columns = new double[5][n];
        int template = 0;
        for (int i = 0; i < n; i++) {
            dates[i] = LocalDate.of(1990, 1, 1).plusDays(i);
            double[] candle;
            int phase = i % 40;
            if (phase >= 30 && phase - 30 < templates[template].length) {
                candle = templates[template][phase - 30];
                if (phase - 30 == templates[template].length - 1) {
                    template = (template + 1) % templates.length;
                }
            } else {
                double o = 50 + (random.nextDouble() - 0.5) * 2;
                double c = o + (random.nextBoolean() ? 1 : -1) * (0.2 + random.nextDouble() * 0.8);
                candle = new double[] {o, Math.max(o, c) + random.nextDouble() * 0.3, Math.min(o, c) - random.nextDouble() * 0.3, c};
            }
            for (int k = 0; k < 4; k++) {
                columns[k][i] = candle[k];
            }
            columns[4][i] = 10_000 + random.nextInt(100_000);
        }
        return new BarSeries("PLANTED" + seed, dates, columns[0], columns[1], columns[2], columns[3], columns[4]);
    }
}
