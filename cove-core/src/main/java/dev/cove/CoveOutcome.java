package dev.cove;

/**
 * How one target of a run ended. A run decides it once, when the target ends; {@link CoveOutput} groups
 * targets by it and the {@code cove} command writes its {@link #label()} in each record.
 */
public enum CoveOutcome {

    /** The role was assumed and the function returned; {@link CoveResult#result()} holds its value. */
    RESULT("Result"),
    /** The role was assumed, then the function threw or timed out; {@link CoveResult#exception()} says how. */
    EXCEPTION("Exception"),
    /** The role could not be assumed; {@link CoveResult#exception()} says why. */
    FAILED_ASSUME_ROLE("FailedAssumeRole"),
    /**
     * The target had started when the run was stopped ({@code raiseException}, an interrupted calling thread,
     * a signal to the {@code cove} command) and was stopped mid-way, before its role was assumed or while its
     * function ran; {@link CoveResult#exception()} is what stopping it left, typically an
     * {@link InterruptedException}. Not a failure of the target: nothing is known of how it would have ended.
     */
    INTERRUPTED("Interrupted"),
    /**
     * The target never started because the run stopped early; {@link CoveResult#exception()} is a
     * {@link java.util.concurrent.CancellationException} whose message gives the reason.
     */
    SKIPPED("Skipped");

    private final String label;

    CoveOutcome(String label) {
        this.label = label;
    }

    /**
     * Returns the outcome's name in records, e.g. {@code FailedAssumeRole}.
     *
     * @return the label
     */
    public String label() {
        return label;
    }

    /**
     * Returns the outcome whose label this is, as records name it.
     *
     * @param label e.g. {@code FailedAssumeRole}
     * @return the outcome
     * @throws IllegalArgumentException when no outcome has this label, naming the labels there are
     */
    public static CoveOutcome ofLabel(String label) {
        for (CoveOutcome outcome : values()) {
            if (outcome.label.equals(label)) {
                return outcome;
            }
        }
        throw new IllegalArgumentException("not an outcome: " + (label == null ? "null" : "'" + label + "'")
                + "; outcomes are Result, Exception, FailedAssumeRole, Interrupted and Skipped");
    }

    /**
     * Returns whether the target failed: an exception or a failed role assumption (not an interrupted or a
     * skipped target, which never got to fail).
     *
     * @return true for {@link #EXCEPTION} and {@link #FAILED_ASSUME_ROLE}
     */
    public boolean failed() {
        return this == EXCEPTION || this == FAILED_ASSUME_ROLE;
    }
}
