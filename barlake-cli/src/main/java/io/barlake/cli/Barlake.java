package io.barlake.cli;

import static java.util.Objects.requireNonNull;

import io.barlake.lake.store.InvalidSettingException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import picocli.CommandLine.Command;
import picocli.CommandLine;

/** The {@code barlake} command: one small class per subcommand, one error handler for all. */
@Command(name = "barlake",
        mixinStandardHelpOptions = true,
        usageHelpWidth = 100,
        versionProvider = Barlake.Version.class,
        description = "Nightly market-data pipeline for US equities: fetch, consolidate, resample, scan.",
        subcommands = {RunCommand.class, BackfillCommand.class, AwsCommand.class, KeysCommand.class, FetchCommand.class, StatusCommand.class, BacktestCommand.class, SweepCommand.class, WalkForwardCommand.class,
                IndicatorsCommand.class, ScanCommand.class, MarketCommand.class, SignalCommand.class, ExportCommand.class, ServeCommand.class,
                CommandLine.HelpCommand.class},
        footerHeading = "%nEnvironment:%n",
        footer = {
                "  BARLAKE_LAKE         lake location: a folder or s3://bucket/prefix (default ./lake)",
                "  AWS_ENDPOINT_URL_S3  S3-compatible endpoint for s3:// lakes",
                "  MASSIVE_API_KEY      key of Massive (formerly Polygon.io; POLYGON_API_KEY still read);",
                "                       without it the synthetic market is used",
                "  POLYGON_RATE_LIMIT   Polygon requests per minute (default 5, the free plan)",
                "  BARLAKE_ALERT_TOPIC_ARN  SNS topic for failure messages (besides the log and the run report)",
                "  BARLAKE_NOW          pin the clock to an instant (2025-06-03T22:00:00Z): a reproducible run",
                "",
                "Exit codes: 0 success, 1 failure, 2 bad usage or setting."})
public final class Barlake {
    static final String NOW_SETTING = "BARLAKE_NOW";

    private final Map<String, String> environment;
    private final Clock clock;

    Barlake(Map<String, String> environment, Clock clock) {
        this.environment = Map.copyOf(requireNonNull(environment, "environment is null"));
        this.clock = requireNonNull(clock, "clock is null");
    }

    Map<String, String> environment() {
        return environment;
    }

    /**
     * The clock every command uses: the system's, or pinned to {@value #NOW_SETTING} when set, so a run
     * can be replayed as it happened at that instant, byte for byte (the clock dates bronze's
     * {@code fetched_at}, silver's {@code ingested_at} and the watermarks).
     */
    Clock clock() {
        String now = environment.get(NOW_SETTING);
        if (now == null || now.isBlank()) {
            return clock;
        }
        try {
            return Clock.fixed(Instant.parse(now.strip()), ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new InvalidSettingException(NOW_SETTING, now, "expected an ISO-8601 instant such as 2025-06-03T22:00:00Z");
        }
    }

    /** A command line wired with this environment, the error handler and the given writers. */
    static CommandLine commandLine(Map<String, String> environment, Clock clock) {
        CommandLine commandLine = new CommandLine(new Barlake(environment, clock));
        commandLine.setUsageHelpWidth(100);
        ErrorHandler handler = new ErrorHandler();
        commandLine.setExecutionExceptionHandler(handler);
        commandLine.setParameterExceptionHandler(handler);
        commandLine.setExecutionStrategy(Barlake::execute);
        return commandLine;
    }

    /**
     * Runs the command, after the checks picocli skips when help is asked for: an unknown command
     * ({@code barlake sweep --help}) is a usage error, not the top-level help with exit 0, so a
     * script can tell it from a real one; and the log level is checked before anything logs.
     */
    private static int execute(CommandLine.ParseResult parseResult) {
        for (CommandLine.ParseResult level = parseResult; level != null; level = level.subcommand()) {
            if (!level.unmatched().isEmpty()) {
                throw unknown(level.commandSpec().commandLine(), level.unmatched().get(0));
            }
        }
        CommandLine top = parseResult.commandSpec().commandLine();
        Barlake barlake = top.getCommand();
        try {
            LogLevel.check(barlake.environment);
        } catch (InvalidSettingException e) {
            return new ErrorHandler().handleExecutionException(e, top, parseResult);
        }
        return new CommandLine.RunLast().execute(parseResult);
    }

    /** The usage error for an argument no command takes: at the top, it names the commands there are. */
    static CommandLine.ParameterException unknown(CommandLine command, String argument) {
        if (argument.startsWith("-")) {
            return new CommandLine.ParameterException(command, "Unknown option: '" + argument + "'");
        }
        boolean top = command.getParent() == null;
        String names = String.join(", ", command.getSubcommands().keySet().stream().filter(name -> !name.equals("help")).toList());
        return new CommandLine.ParameterException(command, "Unknown " + (top ? "command or " : "") + "argument '" + argument + "'"
                + (top ? "; the commands are " + names : ""));
    }

    public static void main(String[] args) {
        int exitCode = commandLine(System.getenv(), Clock.systemUTC()).execute(args);
        System.exit(exitCode);
    }

    /** Reads the version the build wrote into the jar. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            Properties properties = new Properties();
            try (InputStream in = Barlake.class.getResourceAsStream("/barlake-version.properties")) {
                if (in != null) {
                    properties.load(in);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return new String[] {
                    "barlake " + properties.getProperty("version", "unknown"),
                    "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")"};
        }
    }
}
