package io.barlake.analytics.strategy;

import static org.assertj.core.api.Assertions.assertThat;

import com.tictactec.ta.lib.Core;
import com.tictactec.ta.lib.MAType;
import com.tictactec.ta.lib.MInteger;
import io.barlake.analytics.backtest.BacktestResult;
import io.barlake.analytics.backtest.BacktestSettings;
import io.barlake.analytics.backtest.Backtester;
import io.barlake.analytics.indicators.TestBarsAccess;
import io.barlake.analytics.series.BarSeries;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntPredicate;
import org.junit.jupiter.api.Test;

/**
 * Golden tests on the 252 real Apple bars of 2013: each prebuilt strategy's signals and trades
 * equal those worked out here independently, from TA-Lib's indicators, the rules written out by
 * hand and a plain trade simulation.
 */
class PrebuiltGoldenTest {
    private final Core talib = new Core();
    /** The bars under test: Apple 2013, except where a strategy needs longer history to fire. */
    private BarSeries bars = TestBarsAccess.apple2013();
    private int n = bars.size();

    /** One round trip as the hand simulation sees it: bar indexes, fill prices and why it closed. */
    record Fill(int entryBar, double entryPrice, int exitBar, double exitPrice, String reason) {}

    @Test
    void goldenCross() {
        double[] sma50 = sma(bars.close(), 50);
        double[] sma200 = sma(bars.close(), 200);
        check("golden-cross", i -> crossAbove(sma50, sma200, i), i -> crossBelow(sma50, sma200, i), 0, 0, 0);
    }

    @Test
    void goldenCrossOnTwelveYearsOfARandomWalk() {
        bars = TestBarsAccess.randomWalk(11, 3_000);
        n = bars.size();
        double[] sma50 = sma(bars.close(), 50);
        double[] sma200 = sma(bars.close(), 200);
        int trades = check("golden-cross", i -> crossAbove(sma50, sma200, i), i -> crossBelow(sma50, sma200, i), 0, 0, 0);
        assertThat(trades).as("2013 has too little history after a 200-bar warm-up; this walk crosses often").isGreaterThan(5);
    }

    @Test
    void rsiMomentum() {
        double[] rsi = rsi(14);
        double[] sma200 = sma(bars.close(), 200);
        check("rsi-momentum", i -> bars.close()[i] > sma200[i] && crossAbove(rsi, constant(50), i),
                i -> crossBelow(rsi, constant(45), i) || rsi[i] > 75, 10, 0, 0);
    }

    @Test
    void macdCrossover() {
        double[][] macd = macd();
        int trades = check("macd-crossover", i -> macd[0][i] < 0 && crossAbove(macd[0], macd[1], i),
                i -> crossBelow(macd[0], macd[1], i), 0, 0, 0);
        assertThat(trades).as("MACD turns on 2013 Apple").isEqualTo(2);
    }

    @Test
    void bollingerBreakout() {
        double[][] bands = bbands();
        double[] width = new double[n];
        for (int i = 0; i < n; i++) {
            width[i] = (bands[0][i] - bands[2][i]) / bands[1][i];
        }
        check("bollinger-breakout", i -> width[i] < 0.10 && crossAbove(bars.close(), bands[0], i),
                i -> crossBelow(bars.close(), bands[1], i), 0, 8, 0);
    }

    @Test
    void atrBreakout() {
        double[] ema20 = ema(20);
        double[] atr = atr(14);
        double[] adx = adx(14);
        double[] upper = new double[n];
        for (int i = 0; i < n; i++) {
            upper[i] = ema20[i] + 2 * atr[i];
        }
        check("atr-breakout", i -> adx[i] > 20 && crossAbove(bars.close(), upper, i),
                i -> crossBelow(bars.close(), ema20, i), 0, 0, 30);
    }

    @Test
    void vegasChannel() {
        double[] ema8 = ema(8);
        double[] ema13 = ema(13);
        double[] ema144 = ema(144);
        double[] ema169 = ema(169);
        check("vegas-channel", i -> bars.close()[i] > ema169[i] && ema144[i] > ema169[i]
                        && crossAbove(ema8, ema13, i), i -> crossBelow(bars.close(), ema144, i), 0, 0, 0);
    }

    /** Compares signals and trades with the hand-worked ones; returns the number of trades. */
    private int check(String name, IntPredicate buy, IntPredicate exit, double stopLoss, double trailing, int maxBars) {
        Strategy strategy = PrebuiltStrategies.find(name).orElseThrow();
        StrategySignals signals = strategy.signals(new BarContext(bars));
        List<Integer> expectedBuys = new ArrayList<>();
        List<Integer> expectedSells = new ArrayList<>();
        List<Integer> buys = new ArrayList<>();
        List<Integer> sells = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            boolean isBuy = buy.test(i);
            if (isBuy) {
                expectedBuys.add(i);
            } else if (exit.test(i)) {
                expectedSells.add(i);
            }
            if (signals.at(i) == Signal.BUY) {
                buys.add(i);
            } else if (signals.at(i) == Signal.SELL) {
                sells.add(i);
            }
        }
        assertThat(buys).as(name + " BUY bars").isEqualTo(expectedBuys);
        assertThat(sells).as(name + " SELL bars").isEqualTo(expectedSells);

        List<Fill> expected = simulate(expectedBuys, expectedSells, stopLoss, trailing, maxBars);
        BacktestResult result = Backtester.run(bars, strategy, BacktestSettings.defaults());
        List<Fill> actual = result.trades().stream().map(trade -> new Fill(
                Arrays.asList(bars.dates()).indexOf(trade.entryDate()), trade.entryPrice(),
                Arrays.asList(bars.dates()).indexOf(trade.exitDate()), trade.exitPrice(),
                trade.exitReason().name())).toList();
        assertThat(actual).as(name + " trades").isEqualTo(expected);
                return expected.size();
    }

    /** Long only: enter at the open after a BUY, leave at the open after a SELL, or on a stop during a bar. */
    private List<Fill> simulate(List<Integer> buys, List<Integer> sells, double stopLoss, double trailing, int maxBars) {
        List<Fill> fills = new ArrayList<>();
        int entryBar = -1;
        double entryPrice = 0;
        double highest = 0;
        boolean pendingEntry = false;
        String pendingExit = null;
        for (int i = 0; i < n; i++) {
            double open = bars.open()[i];
            if (pendingExit != null && entryBar >= 0) {
                fills.add(new Fill(entryBar, entryPrice, i, open, pendingExit));
                entryBar = -1;
            } else if (pendingEntry && entryBar < 0) {
                entryBar = i;
                entryPrice = open;
                highest = open;
            }
            pendingEntry = false;
            pendingExit = null;
            if (entryBar >= 0) {
                double stop = stopLoss > 0 ? entryPrice * (1 - stopLoss / 100) : Double.NEGATIVE_INFINITY;
                String why = "STOP_LOSS";
                if (trailing > 0 && highest * (1 - trailing / 100) > stop) {
                    stop = highest * (1 - trailing / 100);
                    why = "TRAILING_STOP";
                }
                if (bars.low()[i] <= stop) {
                    fills.add(new Fill(entryBar, entryPrice, i, Math.min(open, stop), why));
                    entryBar = -1;
                }
            }
            if (entryBar >= 0) {
                highest = Math.max(highest, bars.high()[i]);
                if (sells.contains(i)) {
                    pendingExit = "SIGNAL";
                } else if (maxBars > 0 && i - entryBar + 1 >= maxBars) {
                    pendingExit = "TIME_LIMIT";
                }
            } else if (buys.contains(i)) {
                pendingEntry = true;
            }
        }
        if (entryBar >= 0) {
            fills.add(new Fill(entryBar, entryPrice, n - 1, bars.close()[n - 1], "END_OF_DATA"));
        }
        return fills;
    }

    private static boolean crossAbove(double[] a, double[] b, int i) {
        return i > 0 && a[i] > b[i] && a[i - 1] <= b[i - 1];
    }

    private static boolean crossBelow(double[] a, double[] b, int i) {
        return i > 0 && a[i] < b[i] && a[i - 1] >= b[i - 1];
    }

    private double[] constant(double value) {
        double[] out = new double[n];
        Arrays.fill(out, value);
        return out;
    }

    /** TA-Lib output placed at its bar indexes, NaN before (NaN compares false, as a missing value should). */
    private double[] placed(double[] out, MInteger begin, MInteger count) {
        double[] full = new double[n];
        Arrays.fill(full, Double.NaN);
        System.arraycopy(out, 0, full, begin.value, count.value);
        return full;
    }

    private double[] sma(double[] values, int period) {
        double[] out = new double[n];
        MInteger begin = new MInteger();
        MInteger count = new MInteger();
        talib.sma(0, n - 1, values, period, begin, count, out);
        return placed(out, begin, count);
    }

    private double[] ema(int period) {
        double[] out = new double[n];
        MInteger begin = new MInteger();
        MInteger count = new MInteger();
        talib.ema(0, n - 1, bars.close(), period, begin, count, out);
        return placed(out, begin, count);
    }

    private double[] rsi(int period) {
        double[] out = new double[n];
        MInteger begin = new MInteger();
        MInteger count = new MInteger();
        talib.rsi(0, n - 1, bars.close(), period, begin, count, out);
        return placed(out, begin, count);
    }

    private double[] atr(int period) {
        double[] out = new double[n];
        MInteger begin = new MInteger();
        MInteger count = new MInteger();
        talib.atr(0, n - 1, bars.high(), bars.low(), bars.close(), period, begin, count, out);
        return placed(out, begin, count);
    }

    private double[] adx(int period) {
        double[] out = new double[n];
        MInteger begin = new MInteger();
        MInteger count = new MInteger();
        talib.adx(0, n - 1, bars.high(), bars.low(), bars.close(), period, begin, count, out);
        return placed(out, begin, count);
    }

    private double[][] macd() {
        double[] line = new double[n];
        double[] signal = new double[n];
        double[] histogram = new double[n];
        MInteger begin = new MInteger();
        MInteger count = new MInteger();
        talib.macd(0, n - 1, bars.close(), 12, 26, 9, begin, count, line, signal, histogram);
        return new double[][] {placed(line, begin, count), placed(signal, begin, count)};
    }

    private double[][] bbands() {
        double[] upper = new double[n];
        double[] middle = new double[n];
        double[] lower = new double[n];
        MInteger begin = new MInteger();
        MInteger count = new MInteger();
        talib.bbands(0, n - 1, bars.close(), 20, 2, 2, MAType.Sma, begin, count, upper, middle, lower);
        return new double[][] {placed(upper, begin, count), placed(middle, begin, count), placed(lower, begin, count)};
    }
}
