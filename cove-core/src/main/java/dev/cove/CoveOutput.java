package dev.cove;

import java.util.List;

/**
 * Every outcome of a run, split the way botocove splits them, plus the targets that never started and the
 * ones stopped mid-way. Each list is sorted by account ID, then by the order the regions were given, and
 * every target of the run is in exactly one list.
 *
 * @param results targets where the function returned
 * @param exceptions targets where the role was assumed and the function threw (or timed out)
 * @param failedAssumeRole targets whose role could not be assumed
 * @param skipped targets that never started because the run stopped early (too many failures, or
 *     interrupted); each one's exception is a {@link java.util.concurrent.CancellationException} saying why
 * @param interrupted targets that had started when the run was stopped and were stopped mid-way
 *     ({@link CoveOutcome#INTERRUPTED})
 * @param <T> the type of the function's result
 */
public record CoveOutput<T>(
        List<CoveResult<T>> results,
        List<CoveResult<T>> exceptions,
        List<CoveResult<T>> failedAssumeRole,
        List<CoveResult<T>> skipped,
        List<CoveResult<T>> interrupted) {

    /** Copies the lists so the record stays immutable. */
    public CoveOutput {
        results = List.copyOf(results);
        exceptions = List.copyOf(exceptions);
        failedAssumeRole = List.copyOf(failedAssumeRole);
        skipped = List.copyOf(skipped);
        interrupted = List.copyOf(interrupted);
    }

    /**
     * Returns the number of targets the run accounted for.
     *
     * @return the size of all lists together
     */
    public int size() {
        return results.size() + exceptions.size() + failedAssumeRole.size() + skipped.size() + interrupted.size();
    }

    /**
     * Returns how many targets ended with each outcome.
     *
     * @return the counts
     */
    public CoveCounts counts() {
        return new CoveCounts(results.size(), exceptions.size(), failedAssumeRole.size(), interrupted.size(),
                skipped.size());
    }

    /**
     * Returns whether every target's function returned.
     *
     * @return true when there are no exceptions, no failed role assumptions, no skipped and no interrupted
     *     targets
     */
    public boolean allSucceeded() {
        return exceptions.isEmpty() && failedAssumeRole.isEmpty() && skipped.isEmpty() && interrupted.isEmpty();
    }
}
