package dev.cove.cli.output;

import dev.cove.CoveResult;

/** How a target ended, as written in the {@code Outcome} field of {@code jsonl} and {@code csv} records. */
public enum Outcome {

    /** The command ran and succeeded; the record has a {@code Result}. */
    RESULT("Result"),
    /** The role was assumed, then the command failed; the record has {@code ExceptionDetails}. */
    EXCEPTION("Exception"),
    /** The role could not be assumed; the record has {@code ExceptionDetails}. */
    FAILED_ASSUME_ROLE("FailedAssumeRole"),
    /** The target never started because the run stopped early. */
    SKIPPED("Skipped");

    private final String label;

    Outcome(String label) {
        this.label = label;
    }

    /**
     * Returns the value written in records, e.g. {@code FailedAssumeRole}.
     *
     * @return the label
     */
    public String label() {
        return label;
    }

    /**
     * Classifies a target's outcome the way botocove does.
     *
     * @param result the outcome
     * @return its kind
     */
    public static Outcome of(CoveResult<?> result) {
        if (result.skipped()) {
            return SKIPPED;
        }
        if (!result.assumeRoleSuccess()) {
            return FAILED_ASSUME_ROLE;
        }
        return result.exception() == null ? RESULT : EXCEPTION;
    }
}
