package dev.cove.cli;

import dev.cove.Cove;
import dev.cove.cli.exec.CredentialServer;
import dev.cove.cli.exec.Durations;
import dev.cove.cli.exec.ExecFunction;
import dev.cove.cli.exec.Executables;
import dev.cove.cli.output.Destination;
import dev.cove.cli.output.ExecReport;
import dev.cove.CoveTarget;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code cove exec}: runs a program once per account × region with that target's credentials. */
@Command(name = "exec", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        modelTransformer = BuilderOptions.Install.class, sortOptions = false, usageHelpAutoWidth = true,
        header = "Runs a program in every account × region, with that target's credentials.",
        description = {
            "Runs COMMAND once per account × region, as a child process (no shell) with the target's assumed-role"
                    + " credentials in its environment: AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN,"
                    + " AWS_REGION, AWS_DEFAULT_REGION, COVE_ACCOUNT_ID, COVE_ACCOUNT_NAME, COVE_REGION, COVE_PARTITION"
                    + " (and AWS_ENDPOINT_URL with --endpoint-url). AWS_PROFILE and other credential sources are removed.",
            "",
            "The command's stdout is the target's Result (embedded as JSON when it is JSON), its stderr and exit"
                    + " code are kept, and a non-zero exit is an exception. Its stdin is closed.",
            "",
            "On a terminal, before running in more than one account, cove asks 'Run COMMAND in N accounts × R"
                    + " regions? [y/N]' (the targets are resolved first, as 'cove targets' does); --yes skips the"
                    + " question, and without a terminal it is never asked."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:every target succeeded",
            "1:some target failed (exception, failed assume-role, timeout), or the question was not answered yes",
            "2:bad usage or configuration",
            "130:interrupted by SIGINT or SIGTERM; every target is written (finished, Interrupted or Skipped)"},
        footerHeading = "%nExamples:%n",
        footer = {
            "  cove exec --regions us-east-1,eu-west-1 -- aws sts get-caller-identity",
            "  cove exec --target-ids ou-ab12-cdef3456 -f jsonl -o out.jsonl -- ./audit.sh",
            "  cove exec --include tag:env=prod --regions all --yes -- ./audit.sh",
            "  cove exec --targets-file plan.jsonl -- aws ec2 describe-vpcs",
            "  cove exec --timeout 2m --workers 50 -- sh -c 'aws s3 ls | wc -l'"})
public final class ExecCommand implements Callable<Integer> {

    /** Exit code when the question before the run was not answered yes: nothing ran. */
    static final int NOT_CONFIRMED = 1;

    /** Default cap on the bytes kept of each of a target's stdout and stderr. */
    static final int DEFAULT_MAX_OUTPUT_BYTES = 1024 * 1024;

    @Spec
    private CommandSpec spec;

    @Option(names = {"-y", "--yes"},
            description = "Do not ask before running in more than one account (cove exec asks only on a terminal).")
    private boolean yes;

    @Mixin
    private OutputOptions output;

    @Option(names = "--timeout", paramLabel = "DURATION", converter = Durations.class,
            description = "Time limit per target, e.g. 30s, 5m, 1h30m or PT10M. The command and its descendants"
                    + " are then killed and the target reported as timed out. Default: none.")
    private Duration timeout;

    @Option(names = "--max-output-bytes", paramLabel = "BYTES", defaultValue = "" + DEFAULT_MAX_OUTPUT_BYTES,
            description = "Bytes kept of each of a target's stdout and stderr; the rest is read, counted and"
                    + " dropped (the record says how many). Default: ${DEFAULT-VALUE}.")
    private int maxOutputBytes;

    @Option(names = "--credential-server",
            description = "Give each program a loopback credentials endpoint (AWS_CONTAINER_CREDENTIALS_FULL_URI, with"
                    + " a token of its own in AWS_CONTAINER_AUTHORIZATION_TOKEN) instead of static keys, so that SDKs"
                    + " and the AWS CLI refresh the role's credentials for as long as the program runs.")
    private boolean credentialServer;

    @Option(names = "--resume", paramLabel = "LEDGER",
            description = "Finish an earlier run: run only the targets of LEDGER (its jsonl output) without a Result"
                    + " (failed, interrupted, skipped) and append their records to LEDGER. With --targets-file, also the"
                    + " targets of that plan LEDGER lacks (a run that was killed outright).")
    private Path resume;

    @Parameters(paramLabel = "COMMAND", arity = "1..*",
            description = "The program and its arguments, after --. Run directly, not through a shell:"
                    + " use sh -c '...' for pipes.")
    private List<String> command;

    /** Creates the command; picocli fills in its options. */
    public ExecCommand() {
    }

    @Override
    public Integer call() throws Exception {
        Logging.configure(spec);
        if (Executables.locate(command.get(0), System.getenv("PATH")).isEmpty()) {
            throw new ParameterException(spec.commandLine(), "Invalid value for COMMAND: '" + command.get(0)
                    + "' is not an executable file nor a program on PATH");
        }
        if (maxOutputBytes < 0) {
            throw new ParameterException(spec.commandLine(), "Invalid value for option '--max-output-bytes': must"
                    + " be at least 0, got " + maxOutputBytes);
        }
        Cove.Builder builder = BuilderOptions.toBuilder(spec);
        Destination destination;
        Format format;
        if (resume != null) {
            // with a targets file, this shard's share of it, resolved as the first run resolved it
            List<CoveTarget> planned = BuilderOptions.given(spec, BuilderOptions.TARGETS_FILE).isPresent()
                    ? builder.build().targets() : null;
            List<CoveTarget> unfinished = Resume.unfinished(spec, resume, output, planned);
            if (unfinished.isEmpty()) {
                spec.commandLine().getErr().println("cove: nothing to resume: every target of " + resume
                        + " has a Result");
                return 0;
            }
            // exactly these (the targets file is read already): they are this shard's already
            builder.targetsFile(null).plan(unfinished).shard(0, 1);
            destination = Resume.ledger(spec, resume);
            format = Format.JSONL;
        } else {
            destination = output.destination(spec.commandLine().getOut());
            format = output.format();
        }
        Cove cove = builder.build();
        if (!yes && Terminals.stdinIsTerminal() && Terminals.stderrIsTerminal()) {
            List<CoveTarget> plan = cove.targets();
            if (Confirmation.needed(plan)
                    && !Confirmation.ask(Confirmation.question(command, plan), spec.commandLine().getErr(), System.in)) {
                spec.commandLine().getErr().println("cove: not confirmed; nothing was run");
                spec.commandLine().getErr().flush();
                return NOT_CONFIRMED;
            }
        }
        String endpointUrl = BuilderOptions.given(spec, BuilderOptions.ENDPOINT_URL).map(URI::toString).orElse(null);
        StopReason stopReason = new StopReason(BuilderOptions.given(spec, BuilderOptions.FAIL_FAST).orElse(false),
                BuilderOptions.given(spec, BuilderOptions.MAX_FAILURES).orElse(null));
        ExecReport report = new ExecReport(format, destination, stopReason::whyStopped);
        try (CredentialServer server = credentialServer ? CredentialServer.start() : null) {
            ExecFunction function = new ExecFunction(command, timeout, endpointUrl, maxOutputBytes, server);
            return new ExecRun(cove, function, report, stopReason, spec.commandLine().getErr()).execute();
        }
    }
}
