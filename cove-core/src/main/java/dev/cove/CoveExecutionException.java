package dev.cove;

/**
 * Thrown by a run with {@code raiseException(true)} when a target fails: its cause is the original
 * exception and {@link #sessionInformation()} names the target.
 */
public final class CoveExecutionException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient SessionInformation sessionInformation;

    /**
     * Creates the exception for a failed target.
     *
     * @param sessionInformation the target that failed
     * @param cause the original failure
     */
    public CoveExecutionException(SessionInformation sessionInformation, Throwable cause) {
        super(describe(sessionInformation, cause), cause);
        this.sessionInformation = sessionInformation;
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
