package dev.cove.cli;

import dev.cove.CoveCounts;
import dev.cove.CoveListener;
import dev.cove.CoveResult;
import dev.cove.cli.exec.ChildOutcome;
import dev.cove.cli.output.FailureGroups;
import dev.cove.cli.output.ExecReport;
import java.io.IOException;

/**
 * Receives each target's outcome as it completes: streams it to the report, counts it and groups its failure by
 * cause for the summary, keeping no result. Cove serializes the calls, and moves its own progress bar.
 */
final class OutcomeCollector implements CoveListener<ChildOutcome> {

    private final ExecReport report;
    private IOException writeFailure;
    private CoveCounts counts = new CoveCounts(0, 0, 0, 0, 0);
    private final FailureGroups failures = new FailureGroups(Summary.GROUP_LINES);

    OutcomeCollector(ExecReport report) {
        this.report = report;
    }

    @Override
    public synchronized void onResult(CoveResult<ChildOutcome> result) {
        counts = counts.plus(result.outcome());
        if (result.outcome().failed()) {
            failures.add(Summary.failure(result));
        }
        if (writeFailure == null) {
            try {
                report.completed(result);
            } catch (IOException e) {
                writeFailure = e;
            }
        }
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
     * Returns the failures so far, grouped by cause (a few kept per cause, the rest counted).
     *
     * @return the groups
     */
    synchronized FailureGroups failures() {
        return failures;
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
