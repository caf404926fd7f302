package dev.cove.cli;

import dev.cove.Cove;
import dev.cove.CoveTarget;
import dev.cove.cli.output.Destination;
import dev.cove.cli.output.TargetReport;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code cove targets}: the dry run, listing every account × region a run would visit. */
@Command(name = "targets", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        modelTransformer = BuilderOptions.Install.class, sortOptions = false, usageHelpAutoWidth = true,
        header = "Lists the accounts × regions a run would visit (the dry run).",
        description = "Lists every account × region that 'cove exec' would visit with the same SELECTION, with the"
                + " accounts' organization metadata (Id, Region, Arn, Email, Name, State, Status where AWS still sends"
                + " it, and OuPath and Tags where a filter read them). Assumes no role, except to read an account's"
                + " regions with ec2:DescribeRegions when --regions all or a glob meets a denied account:ListRegions."
                + " Its jsonl output is a --targets-file: a plan made once, run many times.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the targets were listed", "2:bad usage or configuration"},
        footerHeading = "%nExamples:%n",
        footer = {
            "  cove targets",
            "  cove targets --target-ids ou-ab12-cdef3456 --ignore-ids 111122223333",
            "  cove targets --target-ids /Workloads --include tag:env=prod --exclude ou=/Workloads/Sandbox/**",
            "  cove targets --regions all --exclude-regions 'ap-*' -f jsonl -o plan.jsonl",
            "  cove targets --regions us-east-1,eu-west-1 --format csv --output targets.csv"})
public final class TargetsCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private OutputOptions output;

    /** Creates the command; picocli fills in its options. */
    public TargetsCommand() {
    }

    @Override
    public Integer call() throws Exception {
        Logging.configure(spec);
        Destination destination = output.destination(spec.commandLine().getOut());
        Cove cove = BuilderOptions.toBuilder(spec).build();
        List<CoveTarget> targets = cove.targets();
        try (destination) {
            TargetReport.write(output.format(), destination, targets);
        }
        return 0;
    }
}
