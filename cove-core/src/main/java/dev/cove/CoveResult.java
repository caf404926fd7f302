package dev.cove;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.CancellationException;

/**
 * One target's outcome: the function's result, or the exception it threw, or the failure to assume the
 * role, or how it was stopped, or why it never started, with the target's {@link SessionInformation} and,
 * for a target that started, when it started and how long it took. The run decides the
 * {@link CoveOutcome} once, when the target ends; the constructor checks that the other components agree
 * with it.
 *
 * @param info the target's information
 * @param outcome how the target ended
 * @param result the function's return value; null unless the outcome is {@link CoveOutcome#RESULT}
 * @param exception what went wrong; null exactly when the outcome is {@link CoveOutcome#RESULT}
 * @param startedAt when the target started (its role assumption included); null for a target that never
 *     started, and for outcomes made without timing by the factories below
 * @param duration how long the target took, from {@code startedAt} until its outcome was decided; null
 *     exactly when {@code startedAt} is
 * @param <T> the type of the function's result
 */
public record CoveResult<T>(SessionInformation info, CoveOutcome outcome, T result, Throwable exception,
        Instant startedAt, Duration duration) {

    /** Checks that the outcome, the role assumption, the exception and the timing agree. */
    public CoveResult {
        Objects.requireNonNull(info, "info");
        Objects.requireNonNull(outcome, "outcome");
        if ((startedAt == null) != (duration == null)) {
            throw new IllegalArgumentException("startedAt and duration are both set or both null");
        }
        if (duration != null && duration.isNegative()) {
            throw new IllegalArgumentException("duration must not be negative, got " + duration);
        }
        if (outcome == CoveOutcome.SKIPPED && startedAt != null) {
            throw new IllegalArgumentException("a Skipped outcome never started, so it has no startedAt");
        }
        if ((outcome == CoveOutcome.RESULT) != (exception == null)) {
            throw new IllegalArgumentException("a " + outcome.label() + " outcome "
                    + (exception == null ? "needs" : "has no") + " exception");
        }
        if (outcome != CoveOutcome.RESULT && result != null) {
            throw new IllegalArgumentException("a " + outcome.label() + " outcome has no result");
        }
        boolean assumed = outcome == CoveOutcome.RESULT || outcome == CoveOutcome.EXCEPTION;
        if (outcome != CoveOutcome.INTERRUPTED && assumed != info.assumeRoleSuccess()) {
            throw new IllegalArgumentException("a " + outcome.label() + " outcome has assumeRoleSuccess "
                    + assumed + ", got " + info.assumeRoleSuccess());
        }
    }

    /**
     * Creates an outcome without timing, as the factories below do.
     *
     * @param info the target's information
     * @param outcome how the target ended
     * @param result the function's return value; null unless the outcome is {@link CoveOutcome#RESULT}
     * @param exception what went wrong; null exactly when the outcome is {@link CoveOutcome#RESULT}
     */
    public CoveResult(SessionInformation info, CoveOutcome outcome, T result, Throwable exception) {
        this(info, outcome, result, exception, null, null);
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
     * Returns the outcome of a target that was stopped mid-way because the run was stopped.
     *
     * @param info the target, with {@code assumeRoleSuccess} as far as it got
     * @param exception what stopping it left, e.g. an {@link InterruptedException}
     * @param <T> the result type
     * @return the outcome
     */
    public static <T> CoveResult<T> ofInterrupted(SessionInformation info, Throwable exception) {
        return new CoveResult<>(info, CoveOutcome.INTERRUPTED, null, exception);
    }

    /**
     * Returns the outcome of a target that never started because the run stopped early.
     *
     * @param info the target, with {@code assumeRoleSuccess} false
     * @param reason why the run stopped, e.g. {@code 3 targets failed, more than maxFailures 2}
     * @param <T> the result type
     * @return the outcome, whose exception is a {@link CancellationException}
     *     {@code "not started: <reason>"}
     */
    public static <T> CoveResult<T> ofSkipped(SessionInformation info, String reason) {
        return new CoveResult<>(info, CoveOutcome.SKIPPED, null, new CancellationException("not started: " + reason));
    }

    /**
     * Returns this outcome with its timing.
     *
     * @param startedAt when the target started
     * @param duration how long it took
     * @return a copy with {@code startedAt} and {@code duration} set
     * @throws IllegalArgumentException for a skipped target, or a negative duration
     */
    public CoveResult<T> timed(Instant startedAt, Duration duration) {
        return new CoveResult<>(info, outcome, result, exception, Objects.requireNonNull(startedAt, "startedAt"),
                Objects.requireNonNull(duration, "duration"));
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
