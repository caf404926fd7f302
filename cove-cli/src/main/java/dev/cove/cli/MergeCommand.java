package dev.cove.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cove.Cove;
import dev.cove.CoveConfigurationException;
import dev.cove.CoveCounts;
import dev.cove.CoveOutcome;
import dev.cove.CoveTarget;
import dev.cove.cli.output.Destination;
import dev.cove.cli.output.FailureGroups;
import dev.cove.cli.output.Ledger;
import dev.cove.cli.output.RecordDocument;
import dev.cove.cli.output.Records;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code cove merge}: joins the ledgers of the shards (and resumed runs) of one run into one. */
@Command(name = "merge", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        sortOptions = false, usageHelpAutoWidth = true,
        header = "Joins the jsonl ledgers of a run's shards and resumed runs into one.",
        description = {
            "Reads each FILE, the jsonl output of 'cove exec', and keeps each account × region's latest record: one"
                    + " that ran beats one that never started; between two that ran, the later start wins; otherwise"
                    + " the later file (or line) wins.",
            "",
            "With --plan (the 'cove targets -f jsonl' output the shards ran), every target of the plan that no"
                    + " ledger names is written as Skipped, with the Reason 'missing from every ledger', and named on"
                    + " stderr; 'cove exec --resume' of the merged ledger runs them."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:every target has a Result",
            "1:some target failed, was stopped, or is missing",
            "2:bad usage, or a FILE that is not a ledger"},
        footerHeading = "%nExamples:%n",
        footer = {
            "  cove merge shard-*.jsonl --plan plan.jsonl -f jsonl -o run.jsonl",
            "  cove merge run.jsonl resumed.jsonl -f csv -o run.csv"})
public final class MergeCommand implements Callable<Integer> {

    /** Why a target of the plan is in the merged ledger without having run. */
    static final String MISSING = "missing from every ledger";

    @Spec
    private CommandSpec spec;

    @Mixin
    private OutputOptions output;

    @Option(names = "--plan", paramLabel = "PLAN",
            description = "The targets the ledgers should hold together ('cove targets -f jsonl' output, or a"
                    + " --targets-file): those that no ledger names are written as Skipped and named on stderr.")
    private Path plan;

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "The ledgers: jsonl outputs of 'cove exec'.")
    private List<Path> files;

    /** Creates the command; picocli fills in its options. */
    public MergeCommand() {
    }

    @Override
    public Integer call() throws IOException {
        Logging.configure(spec);
        List<CoveTarget> planned = plan == null ? null : readPlan();
        Ledger ledger;
        try {
            ledger = Ledger.read(files);
        } catch (IOException e) {
            throw new ParameterException(spec.commandLine(), "Invalid value for FILE: " + e.getMessage(), e);
        }
        Destination destination = output.destination(spec.commandLine().getOut());
        List<ObjectNode> records = new ArrayList<>();
        CoveCounts counts = new CoveCounts(0, 0, 0, 0, 0);
        FailureGroups groups = new FailureGroups(Summary.GROUP_LINES);
        for (Ledger.Entry entry : ledger.latest()) {
            records.add(entry.record());
            counts = counts.plus(entry.outcome());
            if (entry.outcome() == CoveOutcome.EXCEPTION || entry.outcome() == CoveOutcome.FAILED_ASSUME_ROLE) {
                groups.add(failure(entry.outcome(), entry.record()));
            }
        }
        List<String> missing = new ArrayList<>();
        int outsidePlan = 0;
        if (planned != null) {
            Set<String> inPlan = new HashSet<>();
            for (CoveTarget target : planned) {
                inPlan.add(target.id() + "/" + target.region());
                if (target.region() == null) {
                    boolean any = ledger.latest().stream().anyMatch(entry -> entry.id().equals(target.id()));
                    if (!any) {
                        missing.add(target.id() + " (every region)");
                    }
                } else if (ledger.latest(target.id(), target.region()) == null) {
                    missing.add(target.id() + " " + target.region());
                    records.add(Records.missing(target, MISSING));
                    counts = counts.plus(CoveOutcome.SKIPPED);
                }
            }
            outsidePlan = (int) ledger.latest().stream().filter(entry -> !inPlan.contains(entry.id() + "/"
                    + entry.region()) && !inPlan.contains(entry.id() + "/null")).count();
        }
        records.sort(Comparator.comparing((ObjectNode r) -> r.path("Id").asText())
                .thenComparing(r -> r.path("Region").asText()));
        try (destination) {
            RecordDocument.write(output.format(), destination, records);
        }
        PrintWriter err = spec.commandLine().getErr();
        err.println("cove: merged " + files.size() + (files.size() == 1 ? " ledger" : " ledgers") + ": "
                + Summary.targets(counts.total()) + ": " + Summary.outcomes(counts));
        groups.summaryLines(Summary.GROUP_LINES).forEach(group -> err.println("  " + group));
        if (!missing.isEmpty()) {
            err.println("cove: " + missing.size() + " of the plan's targets " + (missing.size() == 1 ? "is" : "are")
                    + " missing from every ledger" + (plan == null ? "" : " (" + plan + ")") + ":");
            missing.forEach(target -> err.println("cove:   " + target));
        }
        if (outsidePlan > 0) {
            err.println("cove: " + outsidePlan + " target(s) of the ledgers are not in " + plan);
        }
        if (destination.failure() != null) {
            err.println("cove: " + destination.failure());
        }
        err.flush();
        return counts.allSucceeded() && missing.isEmpty() && destination.failure() == null ? 0 : 1;
    }

    /** A failed target as the summary of {@code cove exec} groups it, from its record. */
    private static FailureGroups.Failure failure(CoveOutcome outcome, ObjectNode record) {
        String details = text(record, "ExceptionDetails");
        return new FailureGroups.Failure(outcome.label(), FailureGroups.cause(text(record, "ErrorCode"), details),
                text(record, "Id"), text(record, "Name"), text(record, "Region"), details,
                FailureGroups.lastLine(record.path("Stderr").asText("")));
    }

    private static String text(ObjectNode record, String key) {
        return record.hasNonNull(key) ? record.get(key).asText() : null;
    }

    private List<CoveTarget> readPlan() {
        try {
            return Cove.readTargetsFile(plan);
        } catch (CoveConfigurationException e) {
            throw new ParameterException(spec.commandLine(), "Invalid value for option '--plan': " + e.rule(), e);
        }
    }
}
