package dev.cove.cli;

import dev.cove.CoveListener;
import dev.cove.CoveResult;
import dev.cove.cli.exec.ChildOutcome;
import dev.cove.cli.output.ExecReport;
import java.io.IOException;

/**
 * Receives each target's outcome as it completes and streams it to the report, keeping the first failure
 * to write one. Cove serializes the calls, and moves its own progress bar.
 */
final class OutcomeCollector implements CoveListener<ChildOutcome> {

    private final ExecReport report;
    private IOException writeFailure;

    OutcomeCollector(ExecReport report) {
        this.report = report;
    }

    @Override
    public synchronized void onResult(CoveResult<ChildOutcome> result) {
        if (writeFailure == null) {
            try {
                report.completed(result);
            } catch (IOException e) {
                writeFailure = e;
            }
        }
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
