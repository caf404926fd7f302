package dev.cove.cli;

import java.time.temporal.ChronoUnit;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * The progress bar of {@code cove exec} on stderr: done/total, failures, rate and ETA. Drawn only when
 * stderr is a terminal and {@code --no-progress} was not given; otherwise every call does nothing.
 */
class ProgressDisplay implements AutoCloseable {

    private static final ProgressDisplay NONE = new ProgressDisplay();

    private ProgressDisplay() {
    }

    /**
     * Returns a display that draws nothing.
     *
     * @return the silent display
     */
    static ProgressDisplay none() {
        return NONE;
    }

    /**
     * Returns a progress bar on stderr for a run of {@code total} targets.
     *
     * @param total the number of targets
     * @return the display
     */
    static ProgressDisplay onStderr(int total) {
        return new Bar(new ProgressBarBuilder()
                .setTaskName("cove")
                .setInitialMax(total)
                .setStyle(ProgressBarStyle.UNICODE_BLOCK)
                .setConsumer(new ConsoleProgressBarConsumer(System.err))
                .setUnit(" targets", 1)
                .showSpeed()
                .setSpeedUnit(ChronoUnit.SECONDS)
                .setUpdateIntervalMillis(250)
                .build());
    }

    /**
     * Counts one finished target.
     *
     * @param failed whether it failed
     */
    void completed(boolean failed) {
    }

    /** Draws the final state and leaves the line. */
    @Override
    public void close() {
    }

    private static final class Bar extends ProgressDisplay {

        private final ProgressBar bar;
        private int failures;

        Bar(ProgressBar bar) {
            this.bar = bar;
        }

        @Override
        synchronized void completed(boolean failed) {
            if (failed) {
                failures++;
                bar.setExtraMessage(" " + failures + " failed");
            }
            bar.step();
        }

        @Override
        public synchronized void close() {
            bar.close();
        }
    }
}
