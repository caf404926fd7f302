package dev.cove;

import java.util.Objects;

/**
 * One target's outcome: the function's result, or the exception it threw, or the failure to assume the
 * role, or why it never started, with the target's {@link SessionInformation}. The run decides the
 * {@link CoveOutcome} once, when the target ends; the constructor checks that the other components agree
 * with it.
 *
 * @param info the target's information
 * @param outcome how the target ended
 * @param result the function's return value; null unless the outcome is {@link CoveOutcome#RESULT}
 * @param exception what went wrong; null exactly when the outcome is {@link CoveOutcome#RESULT}
 * @param <T> the type of the function's result
 */
public record CoveResult<T>(SessionInformation info, CoveOutcome outcome, T result, Throwable exception) {

    /** Checks that the outcome, the role assumption and the exception agree. */
    public CoveResult {
        Objects.requireNonNull(info, "info");
        Objects.requireNonNull(outcome, "outcome");
        if ((outcome == CoveOutcome.RESULT) != (exception == null)) {
            throw new IllegalArgumentException("a " + outcome.label() + " outcome "
                    + (exception == null ? "needs" : "has no") + " exception");
        }
        if (outcome != CoveOutcome.RESULT && result != null) {
            throw new IllegalArgumentException("a " + outcome.label() + " outcome has no result");
        }
        boolean assumed = outcome == CoveOutcome.RESULT || outcome == CoveOutcome.EXCEPTION;
        if (assumed != info.assumeRoleSuccess()) {
            throw new IllegalArgumentException("a " + outcome.label() + " outcome has assumeRoleSuccess "
                    + assumed + ", got " + info.assumeRoleSuccess());
        }
    }

    /**
     * Returns the outcome of a target where the role was assumed and the function returned.
     *
     * @param info the target, with {@code assumeRoleSuccess} true
     * @param value what the function returned
     * @param <T> the result type
     * @return the outcome
     */
    public static <T> CoveResult<T> ofResult(SessionInformation info, T value) {
        return new CoveResult<>(info, CoveOutcome.RESULT, value, null);
    }

    /**
     * Returns the outcome of a target where the role was assumed and the function threw or timed out.
     *
     * @param info the target, with {@code assumeRoleSuccess} true
     * @param exception what the function threw
     * @param <T> the result type
     * @return the outcome
     */
    public static <T> CoveResult<T> ofException(SessionInformation info, Throwable exception) {
        return new CoveResult<>(info, CoveOutcome.EXCEPTION, null, exception);
    }

    /**
     * Returns the outcome of a target whose role could not be assumed.
     *
     * @param info the target, with {@code assumeRoleSuccess} false
     * @param exception why the role could not be assumed
     * @param <T> the result type
     * @return the outcome
     */
    public static <T> CoveResult<T> ofFailedAssumeRole(SessionInformation info, Throwable exception) {
        return new CoveResult<>(info, CoveOutcome.FAILED_ASSUME_ROLE, null, exception);
    }

    /**
     * Returns the outcome of a target that never started because the run stopped early.
     *
     * @param info the target, with {@code assumeRoleSuccess} false
     * @param reason why the run stopped, e.g. {@code 3 targets failed, more than maxFailures 2}
     * @param <T> the result type
     * @return the outcome, whose exception is a {@link java.util.concurrent.CancellationException}
     *     {@code "not started: <reason>"}
     */
    public static <T> CoveResult<T> ofSkipped(SessionInformation info, String reason) {
        return new CoveResult<>(info, CoveOutcome.SKIPPED, null,
                new java.util.concurrent.CancellationException("not started: " + reason));
    }

    /**
     * Returns the target account's ID.
     *
     * @return the 12-digit account ID
     */
    public String id() {
        return info.id();
    }

    /**
     * Returns the target region.
     *
     * @return the region name
     */
    public String region() {
        return info.region();
    }

    /**
     * Returns whether the role was assumed in the target account.
     *
     * @return true when the role was assumed
     */
    public boolean assumeRoleSuccess() {
        return info.assumeRoleSuccess();
    }
}
