package dev.cove.cli.exec;

import dev.cove.CoveFunction;
import dev.cove.CoveSession;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import software.amazon.awssdk.auth.credentials.AwsCredentials;

/**
 * Runs a program once for a target, as a child process with the target's credentials in its environment
 * (never on its command line), stdin closed, stdout and stderr captured up to a cap, and an optional time
 * limit after which the child and its descendants are ended.
 *
 * <p>Returns the {@link ChildOutcome} when the program exits with 0; throws {@link ChildFailedException}
 * (carrying the outcome) on a non-zero exit or a timeout. When the calling thread is interrupted (the run
 * is being stopped) the child tree is ended and {@link InterruptedException} is thrown. Thread-safe: one
 * instance serves every target.
 */
public final class ExecFunction implements CoveFunction<ChildOutcome> {

    /** How long to wait for the output pipes to close once the program has exited. */
    private static final Duration DRAIN = Duration.ofSeconds(5);

    private final List<String> command;
    private final Duration timeout;
    private final String endpointUrl;
    private final int maxOutputBytes;

    /**
     * Creates the function.
     *
     * @param command the program and its arguments, run without a shell
     * @param timeout the time limit per target, or null for none
     * @param endpointUrl given to the child as {@code AWS_ENDPOINT_URL}, or null
     * @param maxOutputBytes how many bytes of stdout, and of stderr, to keep per target
     */
    public ExecFunction(List<String> command, Duration timeout, String endpointUrl, int maxOutputBytes) {
        this.command = List.copyOf(command);
        this.timeout = timeout;
        this.endpointUrl = endpointUrl;
        this.maxOutputBytes = maxOutputBytes;
    }

    @Override
    public ChildOutcome apply(CoveSession session) throws Exception {
        AwsCredentials credentials = session.credentialsProvider().resolveCredentials();
        ProcessBuilder builder = new ProcessBuilder(command);
        ChildEnvironment.apply(builder.environment(), session.sessionInformation(), credentials, endpointUrl);
        long started = System.nanoTime();
        Process process = builder.start();
        process.getOutputStream().close();
        String label = session.accountId() + "-" + session.region().id();
        BoundedCapture stdout = BoundedCapture.start(process.getInputStream(), maxOutputBytes, "cove-out-" + label);
        BoundedCapture stderr = BoundedCapture.start(process.getErrorStream(), maxOutputBytes, "cove-err-" + label);
        boolean timedOut = !awaitExit(process);
        Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
        stdout.awaitEnd(DRAIN);
        stderr.awaitEnd(DRAIN);
        int exitCode = process.isAlive() ? -1 : process.exitValue();
        ChildOutcome outcome = new ChildOutcome(exitCode, stdout.text(), stdout.droppedBytes(), stderr.text(),
                stderr.droppedBytes(), timedOut, elapsed);
        if (!outcome.succeeded()) {
            throw new ChildFailedException(outcome, timeout);
        }
        return outcome;
    }

    /** Waits for the child; returns false when it ran out of time (it has then been ended). */
    private boolean awaitExit(Process process) throws InterruptedException {
        try {
            if (timeout == null) {
                process.onExit().get();
            } else {
                process.onExit().get(timeout.toNanos(), TimeUnit.NANOSECONDS);
            }
            return true;
        } catch (TimeoutException e) {
            ProcessTree.kill(process);
            return false;
        } catch (InterruptedException e) {
            ProcessTree.kill(process);
            throw e;
        } catch (ExecutionException e) {
            throw new IllegalStateException("could not wait for the command: " + e.getCause(), e.getCause());
        }
    }
}
