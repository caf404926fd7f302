package dev.cove.internal;

import dev.cove.CoveFunction;
import dev.cove.CoveResult;
import dev.cove.SessionInformation;
import java.io.InterruptedIOException;
import java.nio.channels.ClosedByInterruptException;
import java.util.concurrent.CancellationException;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.exception.AbortedException;
import software.amazon.awssdk.regions.Region;

/**
 * One target's call of the function: the session information it gets, the session it runs with (closed, with
 * every client it made, when the function returns), its timeout, and the outcome its return or failure makes.
 * Errors of the JVM itself (other than {@link AssertionError} and {@link LinkageError}, which a function's own
 * bug may throw) are not outcomes: they reach the caller.
 *
 * @param <T> the result type
 */
final class TargetCall<T> {

    private final CoveConfig config;
    private final CoveFunction<T> fn;
    private final AwsClients clients;
    private final TargetTimer timer;

    /**
     * Creates the calls of a run.
     *
     * @param config the run's settings
     * @param fn the function
     * @param clients the run's clients (its HTTP client and profile file are shared with the functions' clients)
     * @param timer the per-target timeout, or null for none
     */
    TargetCall(CoveConfig config, CoveFunction<T> fn, AwsClients clients, TargetTimer timer) {
        this.config = config;
        this.fn = fn;
        this.clients = clients;
        this.timer = timer;
    }

    /**
     * Returns what a target's function and outcome say about it.
     *
     * @param planned the target's account
     * @param region the target's region
     * @param partition the run's partition
     * @return the session information, with {@code assumeRoleSuccess} false
     */
    SessionInformation sessionInformation(PlannedAccount planned, String region, String partition) {
        OrgAccount account = planned.listing();
        if (planned.host()) {
            // The calling account runs with the calling credentials: no role, so no AssumeRole parameters.
            return new SessionInformation(account.id(), account.arn(), account.email(), account.name(),
                    account.status(), account.state(), null, null, null, null, null, region, partition, false,
                    planned.ouPath(), planned.tags());
        }
        return new SessionInformation(account.id(), account.arn(), account.email(), account.name(),
                account.status(), account.state(), config.get(Options.ROLE_NAME),
                config.get(Options.ROLE_SESSION_NAME), config.get(Options.POLICY), config.get(Options.POLICY_ARNS),
                config.get(Options.EXTERNAL_ID), region, partition, false, planned.ouPath(), planned.tags());
    }

    /**
     * Runs the function in one target, within the run's timeout.
     *
     * @param info the target's session information
     * @param credentials the target's credentials
     * @param region the target's region
     * @return the result, or the exception (a {@link java.util.concurrent.TimeoutException} when time ran out)
     */
    CoveResult<T> invoke(SessionInformation info, AwsCredentialsProvider credentials, String region) {
        TargetTimer.Deadline deadline = timer == null ? null : timer.start(Thread.currentThread());
        T value = null;
        Throwable failure = null;
        try (DefaultCoveSession session = new DefaultCoveSession(info, credentials, Region.of(region),
                config.get(Options.ENDPOINT_OVERRIDE), clients.httpClient(), clients.profileFile())) {
            value = fn.apply(session);
        } catch (Exception | AssertionError | LinkageError e) {
            failure = e;
        }
        if (deadline != null && deadline.finish()) {
            return CoveResult.ofException(info, deadline.timeoutException(failure));
        }
        return failure == null ? CoveResult.ofResult(info, value) : CoveResult.ofException(info, failure);
    }

    /**
     * Returns whether a failure, on the target's own thread, is the mark of an interrupt rather than of the
     * target: the thread is still interrupted, or the failure is an interruption (an
     * {@link InterruptedException}, the SDK's {@code AbortedException} during AssumeRole, an interrupted I/O
     * call, a cancellation).
     *
     * @param failure what the target threw
     * @return true when the run's interrupt, not the target, ended it
     */
    static boolean stoppedByInterrupt(Throwable failure) {
        if (Thread.currentThread().isInterrupted()) {
            return true;
        }
        for (Throwable t = failure; t != null && t != t.getCause(); t = t.getCause()) {
            if (t instanceof InterruptedException || t instanceof InterruptedIOException
                    || t instanceof ClosedByInterruptException || t instanceof AbortedException
                    || t instanceof CancellationException) {
                return true;
            }
        }
        return false;
    }
}
