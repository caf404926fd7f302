package dev.cove.cli;

import dev.cove.CoveCounts;
import dev.cove.CoveListener;
import dev.cove.CoveResult;
import dev.cove.CoveTarget;
import dev.cove.cli.exec.ChildOutcome;
import dev.cove.cli.output.ExecReport;
import java.io.IOException;
import java.util.List;

/**
 * Receives each target's outcome as it completes: streams it to the report, counts it and moves the progress
 * bar, which it opens when Cove announces the targets. Cove serializes the calls.
 */
final class OutcomeCollector implements CoveListener<ChildOutcome>, AutoCloseable {

    private final ExecReport report;
    private final boolean showProgress;
    private ProgressDisplay progress = ProgressDisplay.none();
    private IOException writeFailure;
    private CoveCounts counts = new CoveCounts(0, 0, 0, 0, 0);

    OutcomeCollector(ExecReport report, boolean showProgress) {
        this.report = report;
        this.showProgress = showProgress;
    }

    @Override
    public synchronized void onStart(List<CoveTarget> targets) {
        if (showProgress) {
            progress = ProgressDisplay.onStderr(targets.size());
        }
    }

    @Override
    public synchronized void onResult(CoveResult<ChildOutcome> result) {
        counts = counts.plus(result.outcome());
        if (writeFailure == null) {
            try {
                report.completed(result);
            } catch (IOException e) {
                writeFailure = e;
            }
        }
        progress.completed(result.outcome().failed());
    }

    /** Draws the progress bar's final state and leaves its line. */
    @Override
    public synchronized void close() {
        progress.close();
    }

    /**
     * Returns how many targets ended how, as Cove reported them.
     *
     * @return the counts so far
     */
    synchronized CoveCounts counts() {
        return counts;
    }

    /**
     * Returns the first failure to write a streamed record, if any.
     *
     * @return the failure, or null
     */
    synchronized IOException writeFailure() {
        return writeFailure;
    }
}
