package dev.cove.cli.exec;

import java.time.Duration;

/**
 * The command exited with a non-zero code or ran out of time. Carries the {@link ChildOutcome} so that
 * the target's record keeps the exit code, stdout and stderr.
 */
public final class ChildFailedException extends Exception {

    private static final long serialVersionUID = 1L;

    /** Not serialized: the outcome is only read in this process. */
    private final transient ChildOutcome outcome;

    /**
     * Creates the exception for a failed run.
     *
     * @param outcome what the command left behind
     * @param timeout the time limit, used in the message of a timed-out run
     */
    public ChildFailedException(ChildOutcome outcome, Duration timeout) {
        super(outcome.timedOut()
                ? "command timed out after " + Durations.format(timeout) + " and was killed"
                : "command exited with code " + outcome.exitCode());
        this.outcome = outcome;
    }

    /**
     * Returns what the command left behind.
     *
     * @return the outcome
     */
    public ChildOutcome outcome() {
        return outcome;
    }
}
