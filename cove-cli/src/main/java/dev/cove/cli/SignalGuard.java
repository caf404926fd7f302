package dev.cove.cli;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Turns SIGINT and SIGTERM during a run into an orderly stop: a shutdown hook interrupts the thread that
 * runs Cove (which then starts no more targets and kills running children), waits, bounded, until that
 * thread has written what finished and {@linkplain #close() closed} this guard, then ends whatever children
 * are still running and ends the JVM with exit code 130.
 */
final class SignalGuard implements AutoCloseable {

    /** Exit code of a run stopped by a signal (128 + SIGINT). */
    static final int INTERRUPTED = 130;

    private final Thread runThread;
    private final Duration bound;
    private final Runnable lastResort;
    private final CountDownLatch written = new CountDownLatch(1);
    private final Thread hook;
    private volatile boolean signalled;

    private SignalGuard(Thread runThread, Duration bound, Runnable lastResort) {
        this.runThread = runThread;
        this.bound = bound;
        this.lastResort = lastResort;
        this.hook = Thread.ofPlatform().name("cove-signal").unstarted(this::onSignal);
    }

    /**
     * Guards the current thread's run.
     *
     * @param bound how long the hook waits for the output to be written before it ends the JVM anyway
     * @param lastResort run by the hook before it ends the JVM: ends the children still running
     * @return the installed guard; close it once the output is written
     */
    static SignalGuard install(Duration bound, Runnable lastResort) {
        SignalGuard guard = new SignalGuard(Thread.currentThread(), bound, lastResort);
        Runtime.getRuntime().addShutdownHook(guard.hook);
        return guard;
    }

    private void onSignal() {
        signalled = true;
        runThread.interrupt();
        try {
            written.await(bound.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        lastResort.run();
        Runtime.getRuntime().halt(INTERRUPTED);
    }

    /**
     * Returns whether a signal arrived while the guard was installed.
     *
     * @return true once the shutdown hook has run
     */
    boolean signalled() {
        return signalled;
    }

    /** Tells the hook the output is written; removes the hook when no signal came. */
    @Override
    public void close() {
        written.countDown();
        if (!signalled) {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is starting: it will find the output written and exit with 130
            }
        }
    }
}
