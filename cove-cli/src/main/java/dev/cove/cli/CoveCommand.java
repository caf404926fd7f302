package dev.cove.cli;

import java.util.concurrent.Callable;
import picocli.AutoComplete.GenerateCompletion;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * The {@code cove} command: {@code targets}, {@code exec}, {@code report}, {@code merge} and
 * {@code generate-completion}.
 */
@Command(name = "cove", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        usageHelpAutoWidth = true,
        description = "Runs a command in every AWS account × region of an AWS Organization, with an IAM role"
                + " assumed in each account, and gathers every outcome.",
        subcommands = {TargetsCommand.class, ExecCommand.class, ReportCommand.class, MergeCommand.class,
            GenerateCompletion.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:every target succeeded",
            "1:some target failed",
            "2:bad usage or configuration",
            "130:interrupted"},
        footerHeading = "%nExamples:%n",
        footer = {
            "  cove targets --target-ids ou-ab12-cdef3456",
            "  cove targets --target-ids /Prod --include tag:env=prod --regions all",
            "  cove exec --regions us-east-1,eu-west-1 -- aws sts get-caller-identity",
            "  cove exec -f jsonl -o run.jsonl -- ./audit.sh && cove report run.jsonl",
            "  cove exec -f jsonl -o run.jsonl -- ./audit.sh; cove exec --resume run.jsonl -- ./audit.sh",
            "  cove merge shard-*.jsonl --plan plan.jsonl -f jsonl -o run.jsonl",
            "  source <(cove generate-completion)    # tab completion in bash and zsh",
            "",
            "Reference: docs/cli.md"})
public final class CoveCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--debug", scope = ScopeType.INHERIT,
            description = "Print stack traces of errors, and Cove's debug log, on stderr.")
    private boolean debug;

    /** Creates the command; picocli fills in its options. */
    public CoveCommand() {
    }

    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), "Missing command: use 'cove targets', 'cove exec',"
                + " 'cove report' or 'cove merge'");
    }
}
