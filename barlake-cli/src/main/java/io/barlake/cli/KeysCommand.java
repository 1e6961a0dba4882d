package io.barlake.cli;

import io.barlake.cli.aws.DeployedPipeline;
import io.barlake.lake.store.InvalidSettingException;
import io.barlake.serving.dynamodb.DynamoDbKeys;
import io.barlake.serving.dynamodb.DynamoDbTables;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code barlake keys create|list|rotate|revoke}: the deployed API's keys, issued and revoked without a redeploy. */
@Command(name = "keys", mixinStandardHelpOptions = true,
        header = "Issue, list and revoke the deployed API's keys.",
        description = {"Keys live in the stack's DynamoDB table as SHA-256 hashes: the key itself is printed once, when issued,",
                "and kept nowhere. A revoked key stops working within a minute. The table is the stack's KeysTable output",
                "(--stack, default Barlake-staging), or --table, or BARLAKE_KEYS_TABLE. The keys given at deploy time",
                "(ApiKeyHashes) keep working beside these."},
        subcommands = {KeysCommand.Create.class, KeysCommand.ListKeys.class, KeysCommand.Rotate.class, KeysCommand.Revoke.class})
final class KeysCommand extends CommandGroup {
    static final String TABLE_OUTPUT = "KeysTable";

    /** The table, and the work on it. */
    abstract static class OnTable implements Callable<Integer> {
        @ParentCommand
        KeysCommand keys;

        @Spec
        CommandSpec spec;

        @Option(names = "--stack", defaultValue = "Barlake-staging", paramLabel = "NAME",
                description = "The CDK stack whose KeysTable output to use (default ${DEFAULT-VALUE}).")
        String stack;

        @Option(names = "--table", paramLabel = "NAME", description = "The DynamoDB table of keys, instead of the stack's output.")
        String table;

        abstract int work(DynamoDbKeys keys, PrintWriter out);

        @Override
        public Integer call() {
            var environment = keys.parent.environment();
            String name = table != null && !table.isBlank() ? table.strip()
                    : environment.getOrDefault(DynamoDbTables.KEYS_TABLE, "").isBlank()
                            ? DeployedPipeline.stackOutput(environment, stack, TABLE_OUTPUT, "--table NAME", DynamoDbTables.KEYS_TABLE)
                            : environment.get(DynamoDbTables.KEYS_TABLE).strip();
            PrintWriter out = spec.commandLine().getOut();
            int code = work(DynamoDbTables.keys(environment, name, keys.parent.clock()), out);
            out.flush();
            return code;
        }
    }

    @Command(name = "create", mixinStandardHelpOptions = true, header = "Issue a key; it is printed once.")
    static final class Create extends OnTable {
        @Parameters(paramLabel = "NAME", description = "Who the key is for: 1 to 64 letters, digits, '_', '.' or '-'.")
        String name;

        @Override
        int work(DynamoDbKeys keys, PrintWriter out) {
            String key;
            try {
                key = keys.create(name);
            } catch (IllegalArgumentException e) {
                throw new InvalidSettingException("NAME", name, e.getMessage());
            }
            out.println(key);
            spec.commandLine().getErr().println("The key for " + name + " is above; it is shown only now. Send it as the x-api-key header.");
            return ExitCodes.OK;
        }
    }

    @Command(name = "rotate", mixinStandardHelpOptions = true,
            header = "Issue a new key for a name and revoke its old ones; the new key is printed once.")
    static final class Rotate extends OnTable {
        @Parameters(paramLabel = "NAME", description = "Whose key to rotate.")
        String name;

        @Override
        int work(DynamoDbKeys keys, PrintWriter out) {
            if (keys.list().stream().noneMatch(key -> key.name().equals(name) && key.revoked() == null)) {
                throw new InvalidSettingException("NAME", name, "no valid key of that name to rotate; barlake keys create " + name);
            }
            out.println(keys.rotate(name));
            spec.commandLine().getErr().println("The new key for " + name + " is above; the old one stops working within "
                    + DynamoDbKeys.REMEMBER_SECONDS + " s.");
            return ExitCodes.OK;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, header = "List the keys issued: name, when, revoked, first characters.")
    static final class ListKeys extends OnTable {
        @Override
        int work(DynamoDbKeys keys, PrintWriter out) {
            List<DynamoDbKeys.Issued> issued = keys.list();
            if (issued.isEmpty()) {
                out.println("No key issued yet: barlake keys create NAME");
            }
            for (DynamoDbKeys.Issued key : issued) {
                out.printf(Locale.ROOT, "%-24s %-10s issued %s%s%n", key.name(), key.hint() + "…", key.created(),
                        key.revoked() == null ? "" : ", revoked " + key.revoked());
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "revoke", mixinStandardHelpOptions = true, header = "Revoke every key of a name (working within a minute).")
    static final class Revoke extends OnTable {
        @Parameters(paramLabel = "NAME", description = "Whose keys to revoke.")
        String name;

        @Override
        int work(DynamoDbKeys keys, PrintWriter out) {
            int revoked = keys.revoke(name);
            if (revoked == 0) {
                throw new InvalidSettingException("NAME", name, "no valid key of that name; barlake keys list shows them");
            }
            out.println("Revoked " + revoked + " key" + (revoked == 1 ? "" : "s") + " of " + name + "; "
                    + "they stop working within " + DynamoDbKeys.REMEMBER_SECONDS + " s.");
            return ExitCodes.OK;
        }
    }
}
