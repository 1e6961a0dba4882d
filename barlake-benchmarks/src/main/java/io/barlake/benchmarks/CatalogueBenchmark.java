package io.barlake.benchmarks;

import com.tictactec.ta.lib.MInteger;
import com.tictactec.ta.lib.meta.CoreMetaData;
import io.barlake.analytics.catalogue.TaCatalogue;
import io.barlake.analytics.catalogue.TaFunction;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
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

    private WalkBars walk;
    private TaFunction ours;
    private double[][] columns;
    private double[] parameters;
    private CoreMetaData talib;
    private final MInteger begin = new MInteger();
    private final MInteger count = new MInteger();

    @Setup
    public void setUp() throws Exception {
        walk = WalkBars.generate(new Random(1), BARS);
        ours = TaCatalogue.find(function).orElseThrow();
        parameters = ours.defaults();
        columns = TaLibMeta.columns(ours, walk);
        talib = TaLibMeta.prepare(ours, parameters);
        TaLibMeta.setInputs(talib, walk, columns);
    }

    @Benchmark
    public double[][] barlake() {
        return ours.compute(columns, parameters);
    }

    /** Into new output arrays, as Barlake's outputs are: each call is a new series' values. */
    @Benchmark
    public int talib() throws Exception {
        TaLibMeta.newOutputs(talib, BARS);
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
