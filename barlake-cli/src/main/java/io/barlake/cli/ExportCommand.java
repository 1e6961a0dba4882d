package io.barlake.cli;

import io.barlake.lake.parquet.ExportTable;
import io.barlake.lake.read.Adjustment;
import io.barlake.lake.read.LakeExport;
import io.barlake.lake.read.SymbolLookup;
import io.barlake.lake.store.InvalidSettingException;
import io.barlake.lake.store.ObjectStore;
import java.io.BufferedWriter;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code barlake export}: a dataset of the lake as one CSV or Parquet file, without knowing the layout. */
@Command(name = "export", mixinStandardHelpOptions = true,
        header = "Write a dataset of the lake (bars, market figures, picks) to one CSV or Parquet file.",
        description = {"Take daily bars, one timeframe's N-session bars, the market figures (gold/market) or the",
                "picks (gold/signals) for some symbols and dates out of the lake as one table, so a notebook",
                "reads it without knowing the layout. Daily bars are split-adjusted as of --to (or the latest",
                "bar) unless --adjustment says raw or total_return; N-session bars are stored split-adjusted.",
                "Examples:",
                "  barlake export --dataset daily --symbols AAPL,MSFT --from 2024-01-02 > bars.csv",
                "  barlake export --dataset market --from 2025-06-02 --format parquet --output market.parquet"})
final class ExportCommand extends LakeCommand {
    @Option(names = "--dataset", required = true, paramLabel = "NAME",
            description = "daily, 3d, 5d, 8d, 13d, 21d, 34d, market or signals.")
    String dataset;

    @Option(names = "--symbols", paramLabel = "LIST", split = ",",
            description = "Symbols, comma-separated, in any case (default: all).")
    String[] symbols;

    @Option(names = "--from", description = "First date (default: the first in the lake).")
    LocalDate from;

    @Option(names = "--to", description = "Last date (default: the latest).")
    LocalDate to;

    @Option(names = "--format", paramLabel = "FORMAT", description = "csv or parquet (default: parquet for an --output "
            + "ending in .parquet, else csv).")
    String format;

    @Option(names = "--output", paramLabel = "FILE", description = "The file to write (default: standard output, CSV only).")
    Path output;

    @Option(names = "--adjustment", paramLabel = "MODE", defaultValue = "split",
            description = "Daily bars raw, split-adjusted (split, the default) or with dividends reinvested (total_return).")
    String adjustment;

    @Override
    public Integer call() throws Exception {
        boolean parquet = parquet();
        if (parquet && output == null) {
            throw new InvalidSettingException("--output", "(none)", "Parquet is binary: name a file to write with --output");
        }
        if (from != null && to != null && from.isAfter(to)) {
            throw new InvalidSettingException("--from", from.toString(), "it is after --to " + to);
        }
        ExportTable table;
        Set<String> wanted;
        try (ObjectStore store = lake.open(parent.environment())) {
            // As the lake spells them: aapl is AAPL, kimpl is KIMpL.
            wanted = symbols == null ? Set.of() : new TreeSet<>(Arrays.stream(symbols).map(String::strip)
                    .filter(symbol -> !symbol.isEmpty()).map(symbol -> SymbolLookup.resolve(store, symbol)).toList());
            table = LakeExport.table(store, dataset, wanted, from, to, Adjustment.parse("--adjustment", adjustment));
        }
        if (table.size() == 0) {
            throw new IllegalStateException("Nothing to export: the lake has no " + dataset + " rows"
                    + (wanted.isEmpty() ? "" : " for " + String.join(",", wanted))
                    + (from == null && to == null ? "" : " between " + (from == null ? "the start" : from) + " and "
                    + (to == null ? "the latest" : to)) + "; 'barlake status' lists what it holds");
        }
        if (output == null) {
            table.writeCsv(spec.commandLine().getOut());
            return ExitCodes.OK;
        }
        // Written beside the target, then moved: a failed export leaves no half file under the name asked for.
        Path target = output.toAbsolutePath();
        Path partial = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".partial");
        try {
            try (OutputStream out = Files.newOutputStream(partial)) {
                if (parquet) {
                    table.writeParquet(out);
                } else {
                    table.writeCsv(new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8)));
                }
            }
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(partial);
        }
        PrintWriter err = spec.commandLine().getErr();
        err.printf(Locale.ROOT, "Wrote %,d rows of %s to %s%n", table.size(), dataset, output);
        err.flush();
        return ExitCodes.OK;
    }

    private boolean parquet() {
        String chosen = format != null ? format.strip().toLowerCase(Locale.ROOT)
                : output != null && output.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".parquet") ? "parquet" : "csv";
        if (!chosen.equals("csv") && !chosen.equals("parquet")) {
            throw new InvalidSettingException("--format", format, "expected csv or parquet");
        }
        return chosen.equals("parquet");
    }
}
