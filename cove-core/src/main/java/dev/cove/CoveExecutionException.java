package dev.cove;

/**
 * Thrown by a run with {@code raiseException(true)} when a target fails: its cause is the original
 * exception, {@link #sessionInformation()} names the target, and {@link #output()} holds everything the
 * run got to, so that nothing finished is lost.
 */
public final class CoveExecutionException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient SessionInformation sessionInformation;
    private final transient CoveOutput<?> output;

    /**
     * Creates the exception for a failed target of a run that stopped there.
     *
     * @param sessionInformation the target that failed
     * @param cause the original failure
     * @param output every outcome of the run: the finished targets (this one included), the targets
     *     interrupted by the stop, and the ones that never started as skipped
     */
    public CoveExecutionException(SessionInformation sessionInformation, Throwable cause, CoveOutput<?> output) {
        super(describe(sessionInformation, cause), cause);
        this.sessionInformation = java.util.Objects.requireNonNull(sessionInformation, "sessionInformation");
        this.output = java.util.Objects.requireNonNull(output, "output");
    }

    /**
     * Returns every outcome of the run that stopped: finished targets, interrupted ones, and the ones
     * that never started (as skipped). Empty for a run started with {@link Cove#stream}, whose outcomes all
     * went to its listener.
     *
     * @return the run's output, never null
     */
    public CoveOutput<?> output() {
        return output;
    }

    /**
     * Returns the target that failed.
     *
     * @return the failed target's information
     */
    public SessionInformation sessionInformation() {
        return sessionInformation;
    }

    private static String describe(SessionInformation info, Throwable cause) {
        String what = info.assumeRoleSuccess() ? "function failed" : "could not assume role " + info.roleName();
        return what + " in account " + info.id() + " region " + info.region() + ": " + cause;
    }
}
