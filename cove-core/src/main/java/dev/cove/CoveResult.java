package dev.cove;

/**
 * One target's outcome: the function's result, or the exception it threw, or the failure to assume the
 * role, with the target's {@link SessionInformation}.
 *
 * @param info the target's information
 * @param result the function's return value; null unless the function returned
 * @param exception what went wrong; null unless the function threw or the role could not be assumed
 * @param <T> the type of the function's result
 */
public record CoveResult<T>(SessionInformation info, T result, Throwable exception) {

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

    /**
     * Returns whether the function ran and returned without throwing.
     *
     * @return true when this is a result rather than a failure
     */
    public boolean succeeded() {
        return exception == null && info.assumeRoleSuccess();
    }

    /**
     * Returns whether the target never started because the run stopped early.
     *
     * @return true for a skipped target
     */
    public boolean skipped() {
        return exception instanceof java.util.concurrent.CancellationException && !info.assumeRoleSuccess();
    }
}
