package dev.cove.cli;

import static dev.cove.cli.BuilderOption.Scope.EXEC;
import static dev.cove.cli.BuilderOption.Scope.SELECTION;

import dev.cove.Cove;
import dev.cove.cli.BuilderOption.Value;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.IModelTransformer;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.TypeConversionException;

/**
 * The flags that set a {@link Cove.Builder} option, one row each. The table gives {@code cove targets} and
 * {@code cove exec} these options (help and shell completion come from it), turns the parsed flags into a
 * builder, and turns a builder option named by an error back into the flag. A new option is one row.
 */
final class BuilderOptions {

    // Rows that code elsewhere reads by name are declared first; the table lists every row.

    /** The endpoint, which {@code exec} also hands to the command as {@code AWS_ENDPOINT_URL}. */
    static final BuilderOption<URI> ENDPOINT_URL = BuilderOption.of("--endpoint-url", "endpointOverride",
            Value.read(URI.class, "URL", EndpointArgument::parse), Cove.Builder::endpointOverride, SELECTION,
            "Send STS, Organizations (and, for exec, the command's AWS calls) to this endpoint, e.g. a local"
                    + " emulator.");

    /** The first failure stops the run; {@code exec} says so in its own words. */
    static final BuilderOption<Boolean> FAIL_FAST = BuilderOption.of("--fail-fast", "raiseException", Value.SWITCH,
            Cove.Builder::raiseException, EXEC, "Stop at the first failed target: start no more, stop running ones.");

    /** Too many failures stop the run; {@code exec} says so in its own words. */
    static final BuilderOption<Integer> MAX_FAILURES = BuilderOption.of("--max-failures", "maxFailures",
            Value.number("N"), Cove.Builder::maxFailures, EXEC,
            "Stop starting targets once more than N have failed; the rest are reported as skipped.");

    /** The targets file, which {@code exec --resume} reads too (through the plan it resolves). */
    static final BuilderOption<Path> TARGETS_FILE = BuilderOption.of("--targets-file", "targetsFile",
            Value.read(Path.class, "FILE", Path::of), Cove.Builder::targetsFile, SELECTION,
            "Accounts to run in, read from FILE: one account ID per line, CSV with an Id column, or JSON /"
                    + " JSON lines with Id (and optional Name, Email, Region). A 'cove targets -f jsonl' output"
                    + " works as is.");

    /** Every row, in the order {@code --help} lists them. */
    static final List<BuilderOption<?>> TABLE = List.of(
            BuilderOption.of("--target-ids", "targetIds", Value.list("ID"), Cove.Builder::targetIds, SELECTION,
                    "Accounts to run in: 12-digit account IDs, OU IDs or OU paths such as /Prod/Web (every account"
                            + " below, at any depth), or a root ID (/ is the root's path). Default: every ACTIVE account"
                            + " of the organization."),
            BuilderOption.of("--ignore-ids", "ignoreIds", Value.list("ID"), Cove.Builder::ignoreIds, SELECTION,
                    "Accounts to leave out: account IDs, OU IDs, OU paths or root IDs; they win over --target-ids."
                            + " The calling account is left out unless --include-host."),
            TARGETS_FILE,
            BuilderOption.of("--include", "include", Value.repeated("KEY=GLOB[,GLOB...]"), Cove.Builder::include,
                    SELECTION, "Keep only accounts whose KEY matches one of the globs; repeat to require several."
                            + " KEY: id, name, email, state, ou (an OU path, /Prod/** for everything below), tag:KEY."),
            BuilderOption.of("--exclude", "exclude", Value.repeated("KEY=GLOB[,GLOB...]"), Cove.Builder::exclude,
                    SELECTION, "Leave out accounts whose KEY matches one of the globs; repeatable. Keys as for"
                            + " --include."),
            BuilderOption.of("--include-host", "includeHostAccount", Value.SWITCH, Cove.Builder::includeHostAccount,
                    SELECTION, "Run in the calling account too, with the calling credentials (no role assumed there)."),
            BuilderOption.of("--role-name", "roleName", Value.text("NAME"), Cove.Builder::roleName, SELECTION,
                    "Role to assume in every account. Default: OrganizationAccountAccessRole."),
            BuilderOption.of("--role-session-name", "roleSessionName", Value.text("NAME"),
                    Cove.Builder::roleSessionName, SELECTION,
                    "RoleSessionName of sts:AssumeRole (2-64 characters of [\\w+=,.@-]). Default: the role name."),
            BuilderOption.of("--policy", "policy", Value.read(String.class, "JSON|@FILE", PolicyArgument::read),
                    Cove.Builder::policy, SELECTION,
                    "Inline session policy that limits the assumed role: JSON text, or @FILE to read it from a file."),
            BuilderOption.of("--policy-arns", "policyArns", Value.list("ARN"), Cove.Builder::policyArns, SELECTION,
                    "Managed session policies that limit the assumed role (at most 10)."),
            BuilderOption.of("--external-id", "externalId", Value.text("ID"), Cove.Builder::externalId, SELECTION,
                    "ExternalId of sts:AssumeRole."),
            BuilderOption.of("--regions", "regions", Value.list("REGION"), Cove.Builder::regions, SELECTION,
                    "Regions to run in: names run in every account; 'all' is each account's enabled regions, and"
                            + " globs such as 'us-*' expand over them. Default: the default region (AWS_REGION,"
                            + " AWS_DEFAULT_REGION, then the profile's region).")
                    .alsoSets("assumingRegion"),
            BuilderOption.of("--exclude-regions", "excludeRegions", Value.list("REGION"), Cove.Builder::excludeRegions,
                    SELECTION, "Regions to leave out of every account: names or globs such as 'ap-*'."),
            BuilderOption.of("--partition", "partition", Value.text("PARTITION"), Cove.Builder::partition, SELECTION,
                    "Partition of the role ARNs (aws, aws-us-gov, aws-cn). Default: the caller's."),
            BuilderOption.of("--workers", "threadWorkers", Value.number("N"), Cove.Builder::threadWorkers, SELECTION,
                    "Targets in flight at once (1-10000). Default: 20."),
            BuilderOption.of("--shard", "shard", Value.read(ShardArgument.class, "I/N", ShardArgument::parse),
                    (builder, shard) -> builder.shard(shard.index(), shard.count()), SELECTION,
                    "Run only the I-th (from 0) of N disjoint shares of whole accounts, so that N runs together"
                            + " visit every target once. auto/N takes I from JOB_COMPLETION_INDEX (Kubernetes Indexed"
                            + " Job) or AWS_BATCH_JOB_ARRAY_INDEX (AWS Batch array job)."),
            BuilderOption.of("--profile", "assumingCredentials", Value.text("PROFILE"), ProfileArgument::apply,
                    SELECTION, "AWS profile whose credentials and region assume the roles. Default: the SDK's"
                            + " default chain.")
                    .alsoSets("assumingRegion"),
            ENDPOINT_URL,
            FAIL_FAST,
            MAX_FAILURES,
            BuilderOption.of("--no-progress", "progress", Value.SWITCH, BuilderOptions::noProgress, EXEC,
                    "Do not draw the progress bar. Default: Cove draws it on stderr on an interactive terminal."));

    private BuilderOptions() {
    }

    /**
     * Gives a command the table's options that it accepts, ahead of its own in {@code --help}. Named in the
     * {@code modelTransformer} of {@code cove targets} and {@code cove exec}.
     */
    static final class Install implements IModelTransformer {

        /** Creates the transformer; picocli calls it once the command's own options are known. */
        Install() {
        }

        @Override
        public CommandSpec transform(CommandSpec command) {
            List<OptionSpec> own = new ArrayList<>(command.options());
            own.forEach(command::remove);
            for (BuilderOption<?> row : TABLE) {
                if (row.scope().accepts(command.name())) {
                    command.addOption(row.toSpec());
                }
            }
            own.forEach(command::addOption);
            return command;
        }
    }

    /**
     * Turns the flags given to a command into a builder. What is not given stays the builder's default, so
     * without {@code --no-progress} Cove decides itself whether to draw its progress bar.
     *
     * @param command the running command
     * @return a builder with every given flag applied
     * @throws ParameterException when a flag's value cannot be applied, e.g. no such profile
     */
    static Cove.Builder toBuilder(CommandSpec command) {
        Cove.Builder builder = Cove.builder();
        ParseResult parsed = command.commandLine().getParseResult();
        for (BuilderOption<?> row : TABLE) {
            OptionSpec option = parsed.matchedOption(row.flag());
            if (option == null) {
                continue;
            }
            try {
                row.applyTo(builder, option.getValue());
            } catch (TypeConversionException e) {
                throw new ParameterException(command.commandLine(),
                        "Invalid value for option '" + row.flag() + "': " + e.getMessage(), e, option, null);
            }
        }
        return builder;
    }

    /** {@code --no-progress} turns the bar off; without it the builder's progress stays unset (automatic). */
    private static void noProgress(Cove.Builder builder, boolean off) {
        if (off) {
            builder.progress(false);
        }
    }

    /**
     * Returns the value given to a flag.
     *
     * @param command the running command
     * @param row the flag's row
     * @param <T> the type of the value
     * @return the value, or empty when the flag was not given
     */
    static <T> Optional<T> given(CommandSpec command, BuilderOption<T> row) {
        return Optional.ofNullable(command.commandLine().getParseResult().matchedOptionValue(row.flag(), null));
    }

    /**
     * Returns the flag that answers for a builder option: the one given on the command line that sets it,
     * else the first row that sets it, else the builder option's own name.
     *
     * @param builderOption the builder option, e.g. {@code roleSessionName}
     * @param parsed what was given, or null when unknown
     * @return the flag, e.g. {@code --role-session-name}
     */
    static String flagFor(String builderOption, ParseResult parsed) {
        List<BuilderOption<?>> setting = TABLE.stream().filter(row -> row.sets(builderOption)).toList();
        return setting.stream()
                .filter(row -> parsed != null && parsed.hasMatchedOption(row.flag()))
                .findFirst()
                .or(() -> setting.stream().findFirst())
                .map(BuilderOption::flag)
                .orElse(builderOption);
    }
}
