package dev.cove.cli;

import dev.cove.CoveExecutionException;
import dev.cove.SessionInformation;
import dev.cove.cli.output.ExceptionDetails;
import java.util.function.BooleanSupplier;

/**
 * Says, in the command's terms, why a run of {@code cove exec} stopped before every target started: in
 * the records of the skipped targets, and in the line that names the target {@code --fail-fast} stopped at.
 */
final class StopReason {

    private final boolean failFast;
    private final Integer maxFailures;
    private volatile BooleanSupplier signalled = () -> false;

    /**
     * Creates the reason of a run.
     *
     * @param failFast whether {@code --fail-fast} was given
     * @param maxFailures the {@code --max-failures} given, or null
     */
    StopReason(boolean failFast, Integer maxFailures) {
        this.failFast = failFast;
        this.maxFailures = maxFailures;
    }

    /**
     * Takes a signal as the reason from the moment the guard has seen one.
     *
     * @param guard the guard of the run
     */
    void watch(SignalGuard guard) {
        signalled = guard::signalled;
    }

    /**
     * Says why the run stopped early, for the records of the targets it never started or stopped mid-way.
     *
     * @return e.g. {@code --fail-fast stopped the run}
     */
    String whyStopped() {
        if (signalled.getAsBoolean()) {
            return "the run was interrupted";
        }
        if (failFast) {
            return BuilderOptions.FAIL_FAST.flag() + " stopped the run";
        }
        if (maxFailures != null) {
            return "more than " + BuilderOptions.MAX_FAILURES.flag() + " " + maxFailures + " targets failed";
        }
        return "the run stopped early";
    }

    /**
     * Names the target that stopped a run with {@code --fail-fast}, and how it failed.
     *
     * @param stop what the run threw
     * @return e.g. {@code cove: --fail-fast stopped the run: account 111122223333 region us-east-1 failed:
     *     command exited with code 3}
     */
    static String failFastLine(CoveExecutionException stop) {
        SessionInformation target = stop.sessionInformation();
        String role = target.assumeRoleSuccess() ? "" : "could not assume role " + target.roleName() + ": ";
        return "cove: " + BuilderOptions.FAIL_FAST.flag() + " stopped the run: account " + target.id() + " region "
                + target.region() + " failed: " + role + ExceptionDetails.describe(stop.getCause());
    }
}
