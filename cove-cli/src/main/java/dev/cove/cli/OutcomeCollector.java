package dev.cove.cli;

import dev.cove.CoveListener;
import dev.cove.CoveOutput;
import dev.cove.CoveResult;
import dev.cove.cli.exec.ChildOutcome;
import dev.cove.cli.output.ExecReport;
import dev.cove.cli.output.Outcome;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Receives each target's outcome as it completes: streams it to the report, moves the progress bar, and
 * keeps it, so that a run that ends by throwing ({@code --fail-fast}) can still write what finished.
 * Cove serializes the calls.
 */
final class OutcomeCollector implements CoveListener<ChildOutcome> {

    private final ExecReport report;
    private final ProgressDisplay progress;
    private final List<CoveResult<ChildOutcome>> seen = new ArrayList<>();
    private IOException writeFailure;

    OutcomeCollector(ExecReport report, ProgressDisplay progress) {
        this.report = report;
        this.progress = progress;
    }

    @Override
    public void onResult(CoveResult<ChildOutcome> result) {
        synchronized (this) {
            seen.add(result);
            if (writeFailure == null) {
                try {
                    report.completed(result);
                } catch (IOException e) {
                    writeFailure = e;
                }
            }
        }
        progress.completed(!result.succeeded());
    }

    /**
     * Returns the first failure to write a streamed record, if any.
     *
     * @return the failure, or null
     */
    synchronized IOException writeFailure() {
        return writeFailure;
    }

    /**
     * Returns every outcome received so far, split and sorted the way Cove sorts them.
     *
     * @return the outcomes
     */
    synchronized CoveOutput<ChildOutcome> output() {
        List<CoveResult<ChildOutcome>> sorted = new ArrayList<>(seen);
        sorted.sort(Comparator.comparing((CoveResult<ChildOutcome> r) -> r.id()).thenComparing(CoveResult::region));
        List<CoveResult<ChildOutcome>> results = new ArrayList<>();
        List<CoveResult<ChildOutcome>> exceptions = new ArrayList<>();
        List<CoveResult<ChildOutcome>> failedAssumeRole = new ArrayList<>();
        List<CoveResult<ChildOutcome>> skipped = new ArrayList<>();
        for (CoveResult<ChildOutcome> result : sorted) {
            switch (Outcome.of(result)) {
                case RESULT -> results.add(result);
                case EXCEPTION -> exceptions.add(result);
                case FAILED_ASSUME_ROLE -> failedAssumeRole.add(result);
                case SKIPPED -> skipped.add(result);
            }
        }
        return new CoveOutput<>(results, exceptions, failedAssumeRole, skipped);
    }
}
