package io.barlake.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.barlake.cli.aws.DeployedPipeline;
import io.barlake.lake.calendar.TradingCalendar;
import io.barlake.lake.state.LakeJson;
import io.barlake.statemachine.asl.ExecutionListener;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code barlake aws run|backfill|status}: the pipeline the CDK app deployed, driven from here. */
@Command(name = "aws", mixinStandardHelpOptions = true,
        header = "Start, follow and list the deployed pipeline's executions on AWS.",
        description = {"The state machine the CDK app deployed, found in the stack's outputs (--stack, default Barlake-staging),",
                "or given by --state-machine or BARLAKE_STATE_MACHINE_ARN. Credentials and region as for the AWS CLI.",
                "With --wait a command follows its execution with the same progress as barlake run, and exits",
                "with its outcome: 0 when it succeeded, 1 when it failed, timed out or was aborted."},
        subcommands = {AwsCommand.Run.class, AwsCommand.Backfill.class, AwsCommand.Status.class})
final class AwsCommand extends CommandGroup {
    /** How long from {@code start} to {@code stop}, as the run summary writes it; empty while running. */
    static String took(java.time.Instant start, java.time.Instant stop) {
        return start == null || stop == null ? "" : FetchProgress.human(Duration.between(start, stop));
    }

    /** Which state machine, how to follow it. */
    static final class Target {
        @Option(names = "--stack", defaultValue = "Barlake-staging", paramLabel = "NAME",
                description = "The CDK stack whose StateMachineArn output to use (default ${DEFAULT-VALUE}).")
        String stack;

        @Option(names = "--state-machine", paramLabel = "ARN", description = "The state machine, instead of the stack's output.")
        String stateMachine;
    }

    /** A command on the deployed state machine: its arguments checked first, then the work with the machine found. */
    abstract static class OnMachine implements Callable<Integer> {
        @ParentCommand
        AwsCommand aws;

        @Spec
        CommandSpec spec;

        @Mixin
        Target target = new Target();

        /** Refuses bad arguments before anything is asked of AWS. */
        abstract void check();

        abstract int work(DeployedPipeline pipeline, String machine) throws InterruptedException;

        @Override
        public Integer call() throws InterruptedException {
            check();
            try (DeployedPipeline pipeline = new DeployedPipeline(aws.parent.environment())) {
                return work(pipeline, pipeline.stateMachine(target.stateMachine, target.stack));
            }
        }
    }

    /** Starting an execution: the input, then following it when asked. */
    abstract static class Start extends OnMachine {
        @Option(names = "--wait", description = "Follow the execution to its end and exit with its outcome.")
        boolean wait;

        @Option(names = "--poll", defaultValue = "10", paramLabel = "SECONDS", hidden = true,
                description = "Seconds between looks at the execution while waiting (default ${DEFAULT-VALUE}).")
        int poll;

        abstract ObjectNode input();

        abstract String name();

        @Override
        void check() {
            input();
        }

        @Override
        int work(DeployedPipeline pipeline, String machine) throws InterruptedException {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            ObjectNode input = input();
            String stamp = DateTimeFormatter.ofPattern("yyyyMMdd't'HHmmss'z'", Locale.ROOT)
                    .format(aws.parent.clock().instant().atOffset(ZoneOffset.UTC));
            String execution = pipeline.start(machine, name() + "-" + stamp, input.toString());
            out.println("Started " + execution + ": " + input);
            out.flush();
            if (!wait) {
                out.println("Follow it: barlake aws status --state-machine " + machine);
                return ExitCodes.OK;
            }
            DeployedPipeline.Execution end;
            if (System.console() != null) {
                try (StageBars bars = new StageBars()) {
                    end = pipeline.follow(execution, bars, Duration.ofSeconds(Math.max(0, poll)));
                }
            } else {
                ExecutionListener lines = new StageLines(err);
                end = pipeline.follow(execution, lines, Duration.ofSeconds(Math.max(0, poll)));
            }
            out.printf(Locale.ROOT, "%s %s in %s%n", end.name(), end.status(), took(end.started(), end.stopped()));
            out.flush();
            if (end.succeeded()) {
                return ExitCodes.OK;
            }
            err.println("barlake: execution " + end.name() + " " + end.status()
                    + (end.error() == null ? "" : ": " + end.error()) + (end.cause() == null ? "" : ": "
                    + DeployedPipeline.firstLine(end.cause())));
            return ExitCodes.FAILURE;
        }
    }

    @Command(name = "run", mixinStandardHelpOptions = true, header = "Start the nightly pipeline on AWS now.",
            description = {"Starts the deployed state machine as the schedule does (or for --date), like barlake run locally."})
    static final class Run extends Start {
        @Option(names = "--date", paramLabel = "DATE", description = "Run as if this were the latest session (YYYY-MM-DD).")
        LocalDate date;

        @Override
        ObjectNode input() {
            ObjectNode input = LakeJson.mapper().createObjectNode();
            if (date != null) {
                input.put("date", date.toString());
            }
            return input;
        }

        @Override
        String name() {
            return date == null ? "run" : "run-" + date;
        }
    }

    @Command(name = "backfill", mixinStandardHelpOptions = true, header = "Backfill --from to --to through the deployed pipeline.",
            description = {"Starts the deployed state machine with {\"mode\":\"backfill\",\"from\":…,\"to\":…}, as barlake backfill does locally.",
                    "A long backfill is paced by the vendor's rate limit; --wait shows its progress."})
    static final class Backfill extends Start {
        @Option(names = "--from", required = true, paramLabel = "DATE", description = "First date (YYYY-MM-DD).")
        LocalDate from;

        @Option(names = "--to", required = true, paramLabel = "DATE", description = "Last date (YYYY-MM-DD).")
        LocalDate to;

        @Override
        ObjectNode input() {
            RunPreflight.backfill(from, to, TradingCalendar.nyse(), aws.parent.clock().instant());
            ObjectNode input = LakeJson.mapper().createObjectNode();
            input.put("mode", "backfill");
            input.put("from", from.toString());
            input.put("to", to.toString());
            return input;
        }

        @Override
        String name() {
            return "backfill-" + from + "-" + to;
        }
    }

    @Command(name = "status", mixinStandardHelpOptions = true, header = "The deployed pipeline's recent executions and their Batch jobs.",
            description = {"Newest first: each execution's outcome and time, and the Batch jobs it ran with their state and a link",
                    "to their log in the CloudWatch console."})
    static final class Status extends OnMachine {
        @Option(names = "--limit", defaultValue = "5", description = "Executions to list (default ${DEFAULT-VALUE}, at most 100).")
        int limit;

        @Override
        void check() {
            if (limit < 1 || limit > 100) {
                throw new io.barlake.lake.store.InvalidSettingException("--limit", Integer.toString(limit), "expected 1 to 100");
            }
        }

        @Override
        int work(DeployedPipeline pipeline, String machine) {
            PrintWriter out = spec.commandLine().getOut();
            List<DeployedPipeline.Execution> executions = pipeline.recent(machine, limit);
            out.println(executions.isEmpty() ? "No executions of " + machine + " yet." : "Executions of " + machine + ", newest first:");
            for (DeployedPipeline.Execution execution : executions) {
                out.printf(Locale.ROOT, "  %-44s %-9s %s  %s%n", execution.name(), execution.status(),
                        execution.started().atOffset(ZoneOffset.UTC).toLocalDateTime().toString().replace('T', ' '),
                        took(execution.started(), execution.stopped()));
                for (DeployedPipeline.Job job : pipeline.jobs(execution.arn())) {
                    out.printf(Locale.ROOT, "    %-12s %-10s %-9s %s%s%n", job.state(), job.name(), job.status(),
                            took(job.started(), job.stopped()), job.logLink() == null ? "" : "  " + job.logLink());
                }
            }
            out.flush();
            return ExitCodes.OK;
        }
    }
}
