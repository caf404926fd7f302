package dev.cove.internal;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/** Interrupts a target's function when it runs past the run's per-target timeout. */
final class TargetTimer implements AutoCloseable {

    private final Duration timeout;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("cove-timeouts").factory());

    TargetTimer(Duration timeout) {
        this.timeout = timeout;
    }

    /**
     * Starts timing a function running on the given thread.
     *
     * @param thread the thread to interrupt when time is up
     * @return the deadline; call {@link Deadline#finish()} when the function returns
     */
    Deadline start(Thread thread) {
        Deadline deadline = new Deadline(thread);
        deadline.alarm = scheduler.schedule(deadline::expire, timeout.toNanos(), TimeUnit.NANOSECONDS);
        return deadline;
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }

    /** One function's deadline. */
    final class Deadline {

        private static final int RUNNING = 0;
        private static final int FINISHED = 1;
        private static final int EXPIRED = 2;

        private final Thread thread;
        private final AtomicInteger state = new AtomicInteger(RUNNING);
        private volatile ScheduledFuture<?> alarm;

        private Deadline(Thread thread) {
            this.thread = thread;
        }

        private void expire() {
            if (state.compareAndSet(RUNNING, EXPIRED)) {
                thread.interrupt();
            }
        }

        /**
         * Marks the function finished.
         *
         * @return true when the deadline had passed and the function was interrupted
         */
        boolean finish() {
            if (state.compareAndSet(RUNNING, FINISHED)) {
                ScheduledFuture<?> pending = alarm;
                if (pending != null) {
                    pending.cancel(false);
                }
                return false;
            }
            Thread.interrupted(); // the interrupt was ours and is spent
            return true;
        }

        /**
         * Returns the exception that reports the timeout.
         *
         * @param cause what the interrupted function threw, or null
         * @return the timeout exception
         */
        TimeoutException timeoutException(Throwable cause) {
            TimeoutException e = new TimeoutException("the function did not finish within " + timeout
                    + " and was interrupted");
            if (cause != null) {
                e.initCause(cause);
            }
            return e;
        }
    }
}
