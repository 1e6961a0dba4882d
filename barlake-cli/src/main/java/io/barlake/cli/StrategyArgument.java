package io.barlake.cli;

import io.barlake.analytics.strategy.CompositeStrategies;
import io.barlake.analytics.strategy.PrebuiltStrategies;
import io.barlake.analytics.strategy.Strategy;
import io.barlake.analytics.strategy.StrategyConfigException;
import io.barlake.lake.store.InvalidSettingException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** {@code --strategy NAME|FILE.json}: a prebuilt strategy by name, or a composite strategy file. */
final class StrategyArgument {
    private StrategyArgument() {}

    /**
     * The strategy, or null after printing every problem of a composite file to {@code err} (the
     * caller exits with the usage code).
     */
    static Strategy resolve(String value, PrintWriter err) {
        if (value.endsWith(".json") || Files.isRegularFile(Path.of(value))) {
            return parse(read(value), value, err);
        }
        List<String> names = PrebuiltStrategies.names();
        return PrebuiltStrategies.find(value).orElseThrow(() -> new InvalidSettingException("--strategy", value,
                "unknown strategy" + CompositeStrategies.suggestion(value, names) + " Prebuilt: " + String.join(", ", names)
                + "; or give a composite strategy .json file"));
    }

    /** A composite strategy file's text, at most {@link CompositeStrategies#MAX_BYTES}. */
    static String read(String value) {
        Path file = Path.of(value);
        try {
            if (Files.size(file) > CompositeStrategies.MAX_BYTES) {
                throw new InvalidSettingException("--strategy", value, "larger than " + CompositeStrategies.MAX_BYTES + " bytes");
            }
            return Files.readString(file);
        } catch (IOException e) {
            throw new InvalidSettingException("--strategy", value, "cannot read the file (" + e.getClass().getSimpleName() + ")");
        }
    }

    /** The strategy of {@code json}, or null after printing its problems (one line for one) to {@code err}. */
    static Strategy parse(String json, String value, PrintWriter err) {
        try {
            return CompositeStrategies.parse(json);
        } catch (StrategyConfigException e) {
            List<StrategyConfigException.Problem> problems = e.problems();
            if (problems.size() == 1) {
                err.println("barlake: --strategy " + value + ": " + problems.get(0));
            } else {
                err.println("barlake: --strategy " + value + ": " + problems.size() + " problems:");
                problems.forEach(problem -> err.println("  " + problem));
            }
            err.flush();
            return null;
        }
    }
}
