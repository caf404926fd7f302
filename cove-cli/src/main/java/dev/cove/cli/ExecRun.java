package dev.cove.cli;

import dev.cove.Cove;
import dev.cove.CoveExecutionException;
import dev.cove.CoveOutput;
import dev.cove.cli.exec.ExecFunction;
import dev.cove.cli.exec.ChildOutcome;
import dev.cove.cli.output.ExecReport;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;

/**
 * One {@code cove exec}: runs the function across the targets (Cove draws the progress bar), streams or
 * writes the records, prints the summary, and decides the exit code (0 all succeeded, 1 some failed, 130 stopped by
 * a signal).
 */
final class ExecRun {

    /** How long a signal waits for the run to stop its children and write what finished. */
    private static final Duration SIGNAL_BOUND = Duration.ofSeconds(20);

    private final Cove cove;
    private final ExecFunction function;
    private final ExecReport report;
    private final StopReason stopReason;
    private final PrintWriter err;

    ExecRun(Cove cove, ExecFunction function, ExecReport report, StopReason stopReason, PrintWriter err) {
        this.cove = cove;
        this.function = function;
        this.report = report;
        this.stopReason = stopReason;
        this.err = err;
    }

    /**
     * Runs and reports. A destination that fails mid-way does not end the run: the records go to a file of
     * their own, the summary is printed, and a last line says where the records are (exit code 1).
     *
     * @return the exit code
     * @throws IOException when the output file cannot be closed
     */
    int execute() throws IOException {
        long started = System.nanoTime();
        OutcomeCollector collector = new OutcomeCollector(report);
        CoveOutput<ChildOutcome> output = null;
        String stoppedBy = null;
        boolean interrupted;
        boolean outputFailed;
        try (SignalGuard guard = SignalGuard.install(SIGNAL_BOUND, function::endAll); report) {
            stopReason.watch(guard);
            try {
                if (report.streams()) {
                    cove.stream(function, collector); // each record is written as it comes: none is kept
                } else {
                    output = cove.run(function, collector);
                }
            } catch (CoveExecutionException e) {
                output = partialOutput(e);
                stoppedBy = StopReason.failFastLine(e);
            } finally {
                function.endAll();
            }
            interrupted = Thread.interrupted() | guard.signalled();
            IOException lost = collector.writeFailure();
            if (lost == null) {
                try {
                    report.finished(output);
                } catch (IOException e) {
                    lost = e;
                }
            }
            Summary.lines(collector.counts(), collector.failures(), Duration.ofNanos(System.nanoTime() - started),
                    interrupted).forEach(err::println);
            if (stoppedBy != null) {
                err.println(stoppedBy);
            }
            outputFailed = report.failure() != null || lost != null;
            if (report.failure() != null) {
                err.println("cove: " + report.failure());
            }
            if (lost != null) {
                err.println("cove: records were lost: could not write them to a temporary file either: " + lost);
            }
            err.flush();
        }
        if (interrupted) {
            return SignalGuard.INTERRUPTED;
        }
        return collector.counts().allSucceeded() && stoppedBy == null && !outputFailed ? 0 : 1;
    }

    /** The exception comes from this run, whose function returns ChildOutcome. */
    @SuppressWarnings("unchecked")
    private static CoveOutput<ChildOutcome> partialOutput(CoveExecutionException e) {
        return (CoveOutput<ChildOutcome>) e.output();
    }
}
