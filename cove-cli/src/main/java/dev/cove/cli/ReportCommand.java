package dev.cove.cli;

import dev.cove.cli.output.Destination;
import dev.cove.cli.report.HtmlReport;
import dev.cove.cli.report.UnreadableLedgerException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code cove report}: one self-contained HTML page of a run, from its {@code jsonl} ledgers. */
@Command(name = "report", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        sortOptions = false, usageHelpAutoWidth = true,
        header = "Writes one HTML page that shows a run: where it worked, where not, and why.",
        description = {
            "Reads the jsonl ledgers of a run (cove exec -f jsonl -o RUN.jsonl; several for the shards of one run)"
                    + " and writes one self-contained HTML file: totals by outcome and the wall time, an OU × region"
                    + " grid coloured by outcome, failures grouped by error code or message with their accounts and"
                    + " regions, the slowest targets and a histogram of durations. Inline CSS and SVG only: no script,"
                    + " nothing loaded from the network.",
            "",
            "A target (account × region) recorded more than once counts once, by its last record (files in the order"
                    + " given). Successes are counted, not listed, so the page stays small for large runs."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the report was written", "2:bad usage, or a file that is not a jsonl ledger"},
        footerHeading = "%nExamples:%n",
        footer = {
            "  cove exec -f jsonl -o run.jsonl -- ./audit.sh; cove report run.jsonl",
            "  cove report shard-*.jsonl -o fleet.html"})
public final class ReportCommand implements Callable<Integer> {

    /** Where the page goes when {@code --output} is not given. */
    static final String DEFAULT_OUTPUT = "report.html";

    @Spec
    private CommandSpec spec;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", defaultValue = DEFAULT_OUTPUT,
            description = "Write the page to FILE, atomically (a temporary file, then a rename); - for stdout."
                    + " Default: ${DEFAULT-VALUE}.")
    private String output;

    @Parameters(paramLabel = "RUN.jsonl", arity = "1..*", description = "The run's jsonl ledgers.")
    private List<Path> ledgers;

    /** Creates the command; picocli fills in its options. */
    public ReportCommand() {
    }

    @Override
    public Integer call() throws Exception {
        Logging.configure(spec);
        for (Path ledger : ledgers) {
            if (!Files.isRegularFile(ledger)) {
                throw new ParameterException(spec.commandLine(), "Invalid value for RUN.jsonl: " + ledger
                        + (Files.isDirectory(ledger) ? " is a directory" : " does not exist"));
            }
        }
        Path file = output.equals("-") ? null : OutputOptions.checked(spec.commandLine(), Path.of(output));
        HtmlReport report;
        try {
            report = HtmlReport.read(ledgers);
        } catch (UnreadableLedgerException e) {
            throw new ParameterException(spec.commandLine(), "Invalid value for RUN.jsonl: " + e.getMessage(), e);
        }
        Instant now = Instant.now();
        try (Destination destination = Destination.of(spec.commandLine().getOut(), file)) {
            destination.writeWhole(writer -> report.write(writer, now));
        }
        if (file != null) {
            spec.commandLine().getErr().println("cove: wrote the report of " + report.targets()
                    + (report.targets() == 1 ? " target to " : " targets to ") + file);
            spec.commandLine().getErr().flush();
        }
        return 0;
    }
}
