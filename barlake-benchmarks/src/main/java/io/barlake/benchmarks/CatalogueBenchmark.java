package io.barlake.benchmarks;

import com.tictactec.ta.lib.MAType;
import com.tictactec.ta.lib.MInteger;
import com.tictactec.ta.lib.meta.CoreMetaData;
import com.tictactec.ta.lib.meta.annotation.FuncInfo;
import com.tictactec.ta.lib.meta.annotation.InputParameterType;
import com.tictactec.ta.lib.meta.annotation.OptInputParameterType;
import com.tictactec.ta.lib.meta.annotation.OutputParameterType;
import io.barlake.analytics.catalogue.TaCatalogue;
import io.barlake.analytics.catalogue.TaFunction;
import java.lang.reflect.Field;
import java.util.Arrays;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Every catalogue function against TA-Lib's Java port on 5,000 daily bars, at TA-Lib's defaults:
 * Barlake's {@link TaFunction#compute} (allocating its outputs) against TA-Lib's function called
 * through its meta API ({@code CoreMetaData.callFunc}, one reflective call), each into new output
 * arrays. {@code main} runs them all and prints the ratio per function (TA-Lib's time / ours:
 * above 1, Barlake is faster):
 * {@code java -cp barlake-benchmarks/target/benchmarks.jar io.barlake.benchmarks.CatalogueBenchmark [NAME ...]}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 500, timeUnit = TimeUnit.MILLISECONDS)
@Measurement(iterations = 3, time = 500, timeUnit = TimeUnit.MILLISECONDS)
@Fork(1)
public class CatalogueBenchmark {
    private static final int BARS = 5_000;

    @Param({"SMA"})
    public String function;

    private TaFunction ours;
    private double[][] columns;
    private double[] parameters;
    private CoreMetaData talib;
    private final MInteger begin = new MInteger();
    private final MInteger count = new MInteger();

    @Setup
    public void setUp() throws Exception {
        WalkBars walk = WalkBars.generate(new Random(1), BARS);
        ours = TaCatalogue.find(function).orElseThrow();
        parameters = ours.defaults();
        columns = ours.inputs().stream().map(input -> column(input, walk)).toArray(double[][]::new);
        talib = CoreMetaData.getInstance(function);
        FuncInfo info = talib.getFuncInfo();
        int column = 0;
        for (int i = 0; i < info.nbInput(); i++) {
            if (talib.getInputParameterInfo(i).type() == InputParameterType.TA_Input_Price) {
                talib.setInputParamPrice(i, walk.open(), walk.high(), walk.low(), walk.close(), walk.volume(), new double[BARS]);
                column += Integer.bitCount(talib.getInputParameterInfo(i).flags() & 31);
            } else {
                talib.setInputParamReal(i, columns[column++]);
            }
        }
        // The port's callFunc needs its parameter array even when empty, and an MAType where it holds an Integer.
        Field field = CoreMetaData.class.getDeclaredField("callOptInputParams");
        field.setAccessible(true);
        Object[] optional = new Object[info.nbOptInput()];
        field.set(talib, optional);
        for (int i = 0; i < info.nbOptInput(); i++) {
            OptInputParameterType type = talib.getOptInputParameterInfo(i).type();
            if (type == OptInputParameterType.TA_OptInput_RealRange) {
                talib.setOptInputParamReal(i, parameters[i]);
            } else if (type == OptInputParameterType.TA_OptInput_IntegerList) {
                optional[i] = MAType.values()[(int) parameters[i]];
            } else {
                talib.setOptInputParamInteger(i, (int) parameters[i]);
            }
        }
        integerOutputs = new boolean[info.nbOutput()];
        for (int i = 0; i < info.nbOutput(); i++) {
            integerOutputs[i] = talib.getOutputParameterInfo(i).type() == OutputParameterType.TA_Output_Integer;
        }
    }

    private boolean[] integerOutputs;

    private double[] column(String input, WalkBars walk) {
        return switch (input) {
            case "open" -> walk.open();
            case "high" -> walk.high();
            case "low" -> walk.low();
            case "volume", "real1" -> walk.volume();
            case "periods" -> IntStream.range(0, BARS).mapToDouble(i -> (i * 7) % 41).toArray();
            default -> ours.group().equals("Math Transform") ? Arrays.stream(walk.close()).map(v -> v / 1_000).toArray() : walk.close();
        };
    }

    @Benchmark
    public double[][] barlake() {
        return ours.compute(columns, parameters);
    }

    /** Into new output arrays, as Barlake's outputs are: each call is a new series' values. */
    @Benchmark
    public int talib() throws Exception {
        for (int i = 0; i < integerOutputs.length; i++) {
            if (integerOutputs[i]) {
                talib.setOutputParamInteger(i, new int[BARS]);
            } else {
                talib.setOutputParamReal(i, new double[BARS]);
            }
        }
        talib.callFunc(0, BARS - 1, begin, count);
        return count.value;
    }

    /** Runs every function (or those named) and prints one line each: both times and the ratio. */
    public static void main(String[] args) throws Exception {
        String[] names = args.length > 0 ? args : TaCatalogue.all().stream().map(TaFunction::name).toArray(String[]::new);
        Collection<RunResult> results = new Runner(new OptionsBuilder().include(CatalogueBenchmark.class.getSimpleName())
                .param("function", names).build()).run();
        Map<String, double[]> times = new TreeMap<>();
        for (RunResult result : results) {
            String name = result.getParams().getParam("function");
            String method = result.getParams().getBenchmark();
            times.computeIfAbsent(name, n -> new double[2])[method.endsWith("barlake") ? 0 : 1] = result.getPrimaryResult().getScore();
        }
        System.out.println("| function | Barlake µs | TA-Lib µs | TA-Lib / Barlake |");
        System.out.println("|---|---:|---:|---:|");
        times.forEach((name, t) -> System.out.println(String.format(Locale.ROOT, "| %s | %.1f | %.1f | %.2f |", name, t[0], t[1],
                t[1] / t[0])));
    }
}
