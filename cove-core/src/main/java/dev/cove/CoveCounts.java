package dev.cove;

import java.util.Objects;

/**
 * How many targets of a run ended with each {@link CoveOutcome}: what a run that streams its outcomes to a
 * listener returns instead of keeping them ({@link Cove#stream}), and what {@link CoveOutput#counts()} gives
 * of a run that kept them.
 *
 * @param results targets where the function returned
 * @param exceptions targets where the role was assumed and the function threw (or timed out)
 * @param failedAssumeRole targets whose role could not be assumed
 * @param interrupted targets stopped mid-way because the run was stopped
 * @param skipped targets that never started because the run stopped early
 */
public record CoveCounts(int results, int exceptions, int failedAssumeRole, int interrupted, int skipped) {

    /** Checks that no count is negative. */
    public CoveCounts {
        if (results < 0 || exceptions < 0 || failedAssumeRole < 0 || interrupted < 0 || skipped < 0) {
            throw new IllegalArgumentException("counts must not be negative");
        }
    }

    /**
     * Returns how many targets ended with an outcome.
     *
     * @param outcome the outcome
     * @return its count
     */
    public int count(CoveOutcome outcome) {
        return switch (Objects.requireNonNull(outcome, "outcome")) {
            case RESULT -> results;
            case EXCEPTION -> exceptions;
            case FAILED_ASSUME_ROLE -> failedAssumeRole;
            case INTERRUPTED -> interrupted;
            case SKIPPED -> skipped;
        };
    }

    /**
     * Returns these counts with one more target of an outcome.
     *
     * @param outcome the outcome
     * @return the new counts
     */
    public CoveCounts plus(CoveOutcome outcome) {
        return new CoveCounts(
                results + (outcome == CoveOutcome.RESULT ? 1 : 0),
                exceptions + (outcome == CoveOutcome.EXCEPTION ? 1 : 0),
                failedAssumeRole + (outcome == CoveOutcome.FAILED_ASSUME_ROLE ? 1 : 0),
                interrupted + (outcome == CoveOutcome.INTERRUPTED ? 1 : 0),
                skipped + (outcome == CoveOutcome.SKIPPED ? 1 : 0));
    }

    /**
     * Returns the number of targets counted.
     *
     * @return the sum of all counts
     */
    public int total() {
        return results + exceptions + failedAssumeRole + interrupted + skipped;
    }

    /**
     * Returns whether every target's function returned.
     *
     * @return true when every target counted is a result
     */
    public boolean allSucceeded() {
        return results == total();
    }
}
