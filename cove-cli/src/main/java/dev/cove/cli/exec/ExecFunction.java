package dev.cove.cli.exec;

import dev.cove.CoveFunction;
import dev.cove.CoveSession;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
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
 * is being stopped) the child tree is ended and {@link InterruptedException} is thrown. Each child runs in a
 * session of its own, so that Ctrl-C on the terminal reaches {@code cove} only; whatever a child leaves
 * running in its session when it exits (a background process holding its stdout) is ended at once, so it
 * neither outlives the run nor delays the target. Thread-safe: one instance serves every target.
 */
public final class ExecFunction implements CoveFunction<ChildOutcome> {

    /** How long to wait for the output pipes to close once the program has exited. */
    private static final Duration DRAIN = Duration.ofSeconds(5);

    private final List<String> command;
    private final Duration timeout;
    private final String endpointUrl;
    private final int maxOutputBytes;
    private final CredentialServer credentialServer;
    /** The children running now. */
    private final Set<Process> running = ConcurrentHashMap.newKeySet();

    /**
     * Creates the function.
     *
     * @param command the program and its arguments, run without a shell
     * @param timeout the time limit per target, or null for none
     * @param endpointUrl given to the child as {@code AWS_ENDPOINT_URL}, or null
     * @param maxOutputBytes how many bytes of stdout, and of stderr, to keep per target
     */
    public ExecFunction(List<String> command, Duration timeout, String endpointUrl, int maxOutputBytes) {
        this(command, timeout, endpointUrl, maxOutputBytes, null);
    }

    /**
     * Creates the function.
     *
     * @param command the program and its arguments, run without a shell
     * @param timeout the time limit per target, or null for none
     * @param endpointUrl given to the child as {@code AWS_ENDPOINT_URL}, or null
     * @param maxOutputBytes how many bytes of stdout, and of stderr, to keep per target
     * @param credentialServer hands each child its target's credentials, refreshed, instead of a snapshot in its
     *     environment; or null for the snapshot
     */
    public ExecFunction(List<String> command, Duration timeout, String endpointUrl, int maxOutputBytes,
            CredentialServer credentialServer) {
        this.command = List.copyOf(command);
        this.timeout = timeout;
        this.endpointUrl = endpointUrl;
        this.maxOutputBytes = maxOutputBytes;
        this.credentialServer = credentialServer;
    }

    @Override
    public ChildOutcome apply(CoveSession session) throws Exception {
        if (Executables.locate(command.get(0), System.getenv("PATH")).isEmpty()) {
            throw new IOException("Cannot run program \"" + command.get(0) + "\": not an executable file nor a program"
                    + " on PATH");
        }
        ProcessBuilder builder = new ProcessBuilder(ProcessTree.inOwnSession(command));
        if (credentialServer == null) {
            AwsCredentials credentials = session.credentialsProvider().resolveCredentials();
            ChildEnvironment.apply(builder.environment(), session.sessionInformation(), credentials, endpointUrl);
            return run(builder, session);
        }
        try (CredentialServer.Lease lease = credentialServer.lease(session.credentialsProvider())) {
            ChildEnvironment.apply(builder.environment(), session.sessionInformation(), lease, endpointUrl);
            return run(builder, session);
        }
    }

    private ChildOutcome run(ProcessBuilder builder, CoveSession session) throws Exception {
        long started = System.nanoTime();
        Process process = builder.start();
        running.add(process);
        try {
            process.getOutputStream().close();
            String label = session.accountId() + "-" + session.region().id();
            BoundedCapture stdout = BoundedCapture.start(process.getInputStream(), maxOutputBytes, "cove-out-" + label);
            BoundedCapture stderr = BoundedCapture.start(process.getErrorStream(), maxOutputBytes, "cove-err-" + label);
            boolean timedOut = !awaitExit(process);
            Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
            ProcessTree.endLeftovers(process);
            stdout.awaitEnd(DRAIN);
            stderr.awaitEnd(DRAIN);
            int exitCode = process.isAlive() ? -1 : process.exitValue();
            ChildOutcome outcome = new ChildOutcome(exitCode, stdout.text(), stdout.droppedBytes(), stderr.text(),
                    stderr.droppedBytes(), timedOut, elapsed);
            if (!outcome.succeeded()) {
                throw new ChildFailedException(outcome, timeout);
            }
            return outcome;
        } finally {
            running.remove(process);
        }
    }

    /**
     * Ends every child still running, with what it started: the last act of a run (or of a signal that
     * could not wait for the run to stop), so that no child outlives {@code cove}.
     */
    public void endAll() {
        List<Thread> ending = new ArrayList<>();
        for (Process process : running) {
            ending.add(Thread.ofVirtual().start(() -> ProcessTree.kill(process)));
        }
        for (Thread thread : ending) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
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
