package io.barlake.analytics.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import com.tictactec.ta.lib.MInteger;
import com.tictactec.ta.lib.meta.CoreMetaData;
import com.tictactec.ta.lib.meta.annotation.FuncInfo;
import com.tictactec.ta.lib.meta.annotation.InputParameterInfo;
import com.tictactec.ta.lib.meta.annotation.InputParameterType;
import com.tictactec.ta.lib.meta.annotation.IntegerRange;
import com.tictactec.ta.lib.meta.annotation.OptInputParameterInfo;
import com.tictactec.ta.lib.meta.annotation.OptInputParameterType;
import com.tictactec.ta.lib.meta.annotation.OutputParameterInfo;
import com.tictactec.ta.lib.meta.annotation.OutputParameterType;
import com.tictactec.ta.lib.meta.annotation.RealRange;
import io.barlake.analytics.catalogue.TaFunction.Parameter;
import io.barlake.analytics.indicators.TestBarsAccess;
import io.barlake.analytics.series.BarSeries;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every function of the catalogue against TA-Lib's Java port, driven by TA-Lib's own meta API
 * ({@code CoreMetaData}): the description (group, inputs, parameters with defaults and ranges,
 * outputs) is TA-Lib's, the lookback is TA-Lib's for every parameter set, and every output agrees
 * with TA-Lib's within 1e-9 relative ({@code NaN} exactly where TA-Lib gives no value yet), for the
 * defaults and two other parameter sets, on Apple's 2013 bars and on seeded walks with flat bars,
 * gaps, limit moves and halts. The listing ({@code target/talib-parity-listing.txt}, and the test
 * output) names for each of TA-Lib's functions what was compared, or that the catalogue does not
 * have it yet: none is skipped silently.
 */
class TaCatalogueParityTest {
    private static final double RELATIVE = 1e-9;
    /**
     * Known disagreements, each named with why, so none is hidden and a fixed one must be taken
     * off: the test fails on any other disagreement and on an entry here that no longer disagrees.
     */
    private static final Map<String, String> KNOWN = Map.of();
    /** Marks a comparison TA-Lib's port could not make: it throws on that input. */
    private static final String PORT_FAILS = "TA-Lib's port throws: ";
    private static final List<BarSeries> SERIES = List.of(TestBarsAccess.apple2013(), TestBarsAccess.randomWalk(11, 3_000),
            TestBarsAccess.randomWalk(12, 60), TestBarsAccess.gappy(13, 2_500), TestBarsAccess.gappy(14, 400));
    /** Calm candles with the rarest patterns planted in them, for the patterns. */
    private static final BarSeries PLANTED = TestBarsAccess.planted(17, 6_000);
    /** Candles drawn one by one, for the patterns: the many-candle ones fire here. */
    private static final BarSeries CANDLES = TestBarsAccess.candles(16, 50_000);
    /**
     * 30,000 bars, for every function: over that walk prices fall from tens of dollars to cents, so
     * running sums drift in their last bits, and agreeing here means summing in TA-Lib's order
     * (TRIMA's running numerator, STDDEV started where BBANDS asks for it, PPO's simple averages).
     * For the patterns too, so the rare ones fire many times.
     */
    private static final BarSeries LONG_WALK = TestBarsAccess.gappy(15, 30_000);

    @Test
    void everyFunctionIsDescribedAsTaLibDescribesIt() throws Exception {
        for (TaFunction function : TaCatalogue.all()) {
            CoreMetaData meta = CoreMetaData.getInstance(function.name());
            FuncInfo info = meta.getFuncInfo();
            String name = function.name();
            assertThat(function.group()).as(name + " group").isEqualTo(info.group());
            assertThat(function.inputs()).as(name + " inputs").isEqualTo(inputs(meta, info));
            assertThat(function.parameters()).as(name + " parameters").hasSize(info.nbOptInput());
            for (int i = 0; i < info.nbOptInput(); i++) {
                OptInputParameterInfo theirs = meta.getOptInputParameterInfo(i);
                Parameter ours = function.parameters().get(i);
                String what = name + " parameter " + i;
                assertThat("optIn" + ours.talibName()).as(what + " name").isEqualTo(theirs.paramName());
                if (theirs.type() == OptInputParameterType.TA_OptInput_IntegerRange) {
                    IntegerRange range = meta.getOptInputIntegerRange(i);
                    assertThat(ours.type()).as(what).isEqualTo(Parameter.Type.INTEGER);
                    assertThat(new double[] {ours.defaultValue(), ours.min(), ours.max()}).as(what + " default, min, max")
                            .containsExactly(range.defaultValue(), range.min(), range.max());
                } else if (theirs.type() == OptInputParameterType.TA_OptInput_RealRange) {
                    RealRange range = meta.getOptInputRealRange(i);
                    assertThat(ours.type()).as(what).isEqualTo(Parameter.Type.REAL);
                    assertThat(new double[] {ours.defaultValue(), ours.min(), ours.max()}).as(what + " default, min, max")
                            .containsExactly(range.defaultValue(), range.min(), range.max());
                } else {
                    assertThat(ours.type()).as(what + " (TA-Lib's MAType list)").isEqualTo(Parameter.Type.MA_TYPE);
                    assertThat((double) meta.getOptInputIntegerList(i).defaultValue()).as(what + " default").isEqualTo(ours.defaultValue());
                    assertThat(Arrays.stream(meta.getOptInputIntegerList(i).value()).boxed().toList()).as(what + " choices")
                            .containsAll(ours.choices());
                }
            }
            assertThat(function.outputs()).as(name + " outputs").hasSize(info.nbOutput());
            for (int i = 0; i < info.nbOutput(); i++) {
                OutputParameterInfo theirs = meta.getOutputParameterInfo(i);
                assertThat("out" + function.outputs().get(i).talibName()).as(name + " output " + i).isEqualTo(theirs.paramName());
                assertThat(function.outputs().get(i).integer()).as(name + " output " + i + " is an integer")
                        .isEqualTo(theirs.type() == OutputParameterType.TA_Output_Integer);
            }
        }
    }

    @Test
    void everyFunctionComputesWhatTaLibComputesAndTheListingSaysSo() throws Exception {
        Map<String, String> listing = new LinkedHashMap<>();
        CoreMetaData.forEachFunc(meta -> listing.put(meta.getFuncInfo().name(), "not in the catalogue yet"));
        List<String> failures = new ArrayList<>();
        Map<String, Integer> setsCompared = new LinkedHashMap<>();
        Map<String, Long> firing = new LinkedHashMap<>();
        java.util.Set<String> knownSeen = new java.util.TreeSet<>();
        List<String> knownText = new ArrayList<>();
        for (TaFunction function : TaCatalogue.all()) {
            List<String> compared = new ArrayList<>();
            List<String> portFails = new ArrayList<>();
            List<BarSeries> series = function.group().equals(TaCatalogue.PATTERN) ? withLongWalk() : withLong();
            for (double[] parameters : parameterSets(function)) {
                List<String> throwing = new ArrayList<>();
                for (BarSeries bars : series) {
                    String failure = compare(function, parameters, bars);
                    if (failure != null && failure.startsWith(PORT_FAILS)) {
                        throwing.add(bars.symbol());
                    } else if (failure != null && KNOWN.keySet().stream().anyMatch(failure::startsWith)) {
                        knownSeen.add(KNOWN.keySet().stream().filter(failure::startsWith).findFirst().orElseThrow());
                        knownText.add(failure);
                    } else if (failure != null) {
                        failures.add(failure);
                    }
                }
                if (throwing.isEmpty()) {
                    compared.add(text(parameters));
                } else {
                    portFails.add(text(parameters) + " on " + throwing);
                }
            }
            setsCompared.put(function.name(), compared.size());
            if (function.group().equals(TaCatalogue.PATTERN)) {
                long fired = withLongWalk().stream().mapToLong(bars -> signals(function, bars)).sum();
                firing.put(function.name(), fired);
            }
            assertThat(listing).as("TA-Lib has " + function.name()).containsKey(function.name());
            listing.put(function.name(), "compared on " + series.size() + " series: "
                    + (function.parameters().isEmpty() ? "no parameters" : compared.size() + " parameter sets " + compared)
                    + function.parameters().stream().filter(p -> p.type() == Parameter.Type.MA_TYPE).findFirst()
                            .map(p -> ", moving-average types " + p.choices() + " of TA-Lib's 0-8").orElse("")
                    + (portFails.isEmpty() ? "" : "; TA-Lib's port throws on " + portFails + ", not compared there")
                    + (firing.containsKey(function.name()) ? "; fires on " + firing.get(function.name()) + " bars" : ""));
        }
        StringBuilder text = new StringBuilder("TA-Lib function → what this test compared\n");
        listing.forEach((name, what) -> text.append(String.format("%-20s %s%n", name, what)));
        long inCatalogue = listing.values().stream().filter(what -> what.startsWith("compared")).count();
        text.append(inCatalogue).append(" of ").append(listing.size()).append(" TA-Lib functions compared\n");
        text.append("Known disagreements (").append(knownText.size()).append("):\n");
        knownText.forEach(line -> text.append("  ").append(line).append(" — ")
                .append(KNOWN.get(KNOWN.keySet().stream().filter(line::startsWith).findFirst().orElseThrow())).append('\n'));
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "talib-parity-listing.txt"), text);
        System.out.print(text);

        assertThat(failures).as("disagreements with TA-Lib").isEmpty();
        assertThat(knownSeen).as("every known disagreement still disagrees (a fixed one leaves the list)")
                .containsExactlyInAnyOrderElementsOf(KNOWN.keySet());
        assertThat(firing).as("every pattern fires somewhere in the series, so agreeing is not agreeing on zeros")
                .allSatisfy((name, fired) -> assertThat(fired).as(name).isPositive());
        assertThat(inCatalogue).as("every catalogue function is compared").isEqualTo(TaCatalogue.all().size());
        setsCompared.forEach((name, sets) -> assertThat(TaCatalogue.find(name).orElseThrow().parameters().isEmpty() || sets >= 3)
                .as(name + ": the defaults and at least two other parameter sets compared").isTrue());
    }

    private static List<BarSeries> withLong() {
        List<BarSeries> series = new ArrayList<>(SERIES);
        series.add(LONG_WALK);
        return series;
    }

    private static List<BarSeries> withLongWalk() {
        List<BarSeries> series = new ArrayList<>(SERIES);
        series.add(LONG_WALK);
        series.add(CANDLES);
        series.add(PLANTED);
        return series;
    }

    /** How many bars a pattern flags (non-zero) at its defaults. */
    private static long signals(TaFunction function, BarSeries bars) {
        double[][] columns = function.inputs().stream().map(input -> column(function, input, bars)).toArray(double[][]::new);
        return Arrays.stream(function.compute(columns, function.defaults())[0]).filter(v -> !Double.isNaN(v) && v != 0).count();
    }

    /** Null when ours agrees with TA-Lib's, else what differs first. */
    private static String compare(TaFunction function, double[] parameters, BarSeries bars) throws Exception {
        int n = bars.size();
        double[][] columns = function.inputs().stream().map(input -> column(function, input, bars)).toArray(double[][]::new);
        double[][] ours = function.compute(columns, parameters);
        CoreMetaData meta = CoreMetaData.getInstance(function.name());
        FuncInfo info = meta.getFuncInfo();
        int column = 0;
        for (int i = 0; i < info.nbInput(); i++) {
            InputParameterInfo input = meta.getInputParameterInfo(i);
            if (input.type() == InputParameterType.TA_Input_Price) {
                meta.setInputParamPrice(i, bars.open(), bars.high(), bars.low(), bars.close(), bars.volume(), new double[n]);
                column += Integer.bitCount(input.flags() & 31);
            } else {
                meta.setInputParamReal(i, columns[column++]);
            }
        }
        // The port's callFunc reads its array of parameters even when there are none, and passes a
        // moving-average type on as the Integer it was set as where its method wants an MAType.
        java.lang.reflect.Field field = CoreMetaData.class.getDeclaredField("callOptInputParams");
        field.setAccessible(true);
        Object[] optional = new Object[info.nbOptInput()];
        field.set(meta, optional);
        for (int i = 0; i < info.nbOptInput(); i++) {
            OptInputParameterType type = meta.getOptInputParameterInfo(i).type();
            if (type == OptInputParameterType.TA_OptInput_RealRange) {
                meta.setOptInputParamReal(i, parameters[i]);
            } else if (type == OptInputParameterType.TA_OptInput_IntegerList) {
                optional[i] = com.tictactec.ta.lib.MAType.values()[(int) parameters[i]];
            } else {
                meta.setOptInputParamInteger(i, (int) parameters[i]);
            }
        }
        Object[] outputs = new Object[info.nbOutput()];
        for (int i = 0; i < info.nbOutput(); i++) {
            if (meta.getOutputParameterInfo(i).type() == OutputParameterType.TA_Output_Integer) {
                outputs[i] = new int[n];
                meta.setOutputParamInteger(i, outputs[i]);
            } else {
                outputs[i] = new double[n];
                meta.setOutputParamReal(i, outputs[i]);
            }
        }
        MInteger begin = new MInteger();
        MInteger count = new MInteger();
        String where = function.name() + text(parameters) + " on " + bars.symbol() + " (" + n + " bars)";
        try {
            meta.callFunc(0, n - 1, begin, count);
        } catch (java.lang.reflect.InvocationTargetException e) {
            return PORT_FAILS + where + ": " + e.getCause();
        }
        int lookback = function.lookback(parameters);
        if (lookback != meta.getLookback()) {
            return where + ": lookback " + lookback + ", TA-Lib's " + meta.getLookback();
        }
        if (count.value > 0 && begin.value != lookback) {
            return where + ": TA-Lib's first value at " + begin.value + ", the lookback says " + lookback;
        }
        for (int o = 0; o < outputs.length; o++) {
            for (int bar = 0; bar < n; bar++) {
                boolean given = bar >= begin.value && bar < begin.value + count.value;
                double theirs = !given ? Double.NaN : outputs[o] instanceof int[] ints ? ints[bar - begin.value]
                        : ((double[]) outputs[o])[bar - begin.value];
                double mine = ours[o][bar];
                if (!given ? !Double.isNaN(mine) : !same(mine, theirs)) {
                    return where + " output " + function.outputs().get(o).name() + " at bar " + bar + ": " + mine + ", TA-Lib "
                            + (given ? theirs : "none (warm-up)");
                }
            }
        }
        return null;
    }

    private static boolean same(double ours, double theirs) {
        if (Double.isNaN(theirs) || Double.isInfinite(theirs)) {
            return Double.compare(ours, theirs) == 0;
        }
        return Math.abs(ours - theirs) <= RELATIVE * Math.max(1.0, Math.abs(theirs));
    }

    /**
     * A catalogue input of these bars: the math transforms read a series scaled into (0, 1), where
     * all of them are defined; MAVP's periods run 0 to 40, below, within and above its range.
     */
    private static double[] column(TaFunction function, String input, BarSeries bars) {
        return switch (input) {
            case "open" -> bars.open();
            case "high" -> bars.high();
            case "low" -> bars.low();
            case "volume", "real1" -> bars.volume();
            case "periods" -> java.util.stream.IntStream.range(0, bars.size()).mapToDouble(i -> (i * 7) % 41).toArray();
            default -> function.group().equals(TaCatalogue.MATH_TRANSFORM) ? scaled(bars.close()) : bars.close();
        };
    }

    private static double[] scaled(double[] values) {
        double max = Arrays.stream(values).max().orElse(1) * 1.01;
        return Arrays.stream(values).map(value -> value / max).toArray();
    }

    /**
     * The defaults; the smallest accepted periods; the next ones; longer periods. Reals: 1.5, 0.5
     * and −0.5 where accepted (Bollinger's deviations may be negative).
     */
    static List<double[]> parameterSets(TaFunction function) {
        List<double[]> sets = new ArrayList<>();
        sets.add(function.defaults());
        if (function.parameters().isEmpty()) {
            return sets;
        }
        double[] small = new double[function.parameters().size()];
        double[] next = new double[small.length];
        double[] large = new double[small.length];
        for (int i = 0; i < small.length; i++) {
            Parameter parameter = function.parameters().get(i);
            switch (parameter.type()) {
                case INTEGER -> {
                    small[i] = parameter.min();
                    next[i] = parameter.min() + 1;
                    large[i] = Math.min(parameter.max(), 2 * parameter.defaultValue() + 3 + i);
                }
                case REAL -> {
                    small[i] = Math.max(parameter.min(), Math.min(parameter.max(), 1.5));
                    next[i] = Math.max(parameter.min(), Math.min(parameter.max(), 0.5));
                    large[i] = Math.max(parameter.min(), Math.min(parameter.max(), -0.5));
                }
                case MA_TYPE -> {
                    small[i] = 0;
                    next[i] = 0;
                    large[i] = 0;
                }
            }
        }
        sets.add(small);
        sets.add(next);
        sets.add(large);
        // Each moving-average type the catalogue computes, with the other parameters at their defaults and longer.
        function.parameters().stream().filter(p -> p.type() == Parameter.Type.MA_TYPE).findFirst().ifPresent(first -> {
            for (int type : first.choices()) {
                for (double[] base : List.of(function.defaults(), large)) {
                    double[] typed = base.clone();
                    for (int i = 0; i < typed.length; i++) {
                        if (function.parameters().get(i).type() == Parameter.Type.MA_TYPE) {
                            typed[i] = type;
                        }
                    }
                    if (type != 0) {
                        sets.add(typed);
                    }
                }
            }
        });
        return sets;
    }

    private static String text(double[] parameters) {
        return Arrays.toString(Arrays.stream(parameters).mapToObj(v -> v == Math.rint(v) ? String.valueOf((long) v)
                : String.valueOf(v)).toArray());
    }

    /** TA-Lib's inputs as the catalogue names them: each price input's columns in O, H, L, C, V order; real inputs by name. */
    private static List<String> inputs(CoreMetaData meta, FuncInfo info) {
        List<String> names = new ArrayList<>();
        String[] prices = {"open", "high", "low", "close", "volume"};
        for (int i = 0; i < info.nbInput(); i++) {
            InputParameterInfo input = meta.getInputParameterInfo(i);
            if (input.type() == InputParameterType.TA_Input_Price) {
                for (int bit = 0; bit < prices.length; bit++) {
                    if ((input.flags() & (1 << bit)) != 0) {
                        names.add(prices[bit]);
                    }
                }
            } else {
                names.add(input.paramName().substring("in".length()).toLowerCase(java.util.Locale.ROOT));
            }
        }
        return names;
    }
}
