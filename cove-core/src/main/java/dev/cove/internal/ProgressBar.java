package dev.cove.internal;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A one-line progress bar on stderr: done/total, failures, rate and ETA, redrawn at most a few times a
 * second. Calls must be serialized by the caller.
 */
final class ProgressBar {

    private static final long REDRAW_NANOS = Duration.ofMillis(200).toNanos();
    private static final int WIDTH = 30;

    private final PrintStream out;
    private final int total;
    private final long started = System.nanoTime();
    private long lastDrawn;
    private int done;
    private int failed;

    ProgressBar(PrintStream out, int total) {
        this.out = out;
        this.total = total;
    }

    /**
     * Returns a progress bar on stderr, the one place of the library that writes to the terminal.
     *
     * @param total the number of targets
     * @return the bar
     */
    static ProgressBar onStandardError(int total) {
        return new ProgressBar(System.err, total);
    }

    /**
     * Decides whether a run draws a progress bar: as configured, or else only on a terminal.
     *
     * @param configured the configured choice, or null for automatic
     * @return whether to draw
     */
    static boolean enabled(Boolean configured) {
        if (configured != null) {
            return configured;
        }
        return isTerminal() && !"dumb".equals(System.getenv("TERM"));
    }

    /**
     * Returns whether stderr is a terminal. Java has no check of stderr alone: on Linux the file behind file
     * descriptor 2 tells; elsewhere an interactive console is the nearest honest signal.
     */
    private static boolean isTerminal() {
        try {
            String stderr = Files.readSymbolicLink(Path.of("/proc/self/fd/2")).toString();
            return stderr.startsWith("/dev/pts/") || stderr.startsWith("/dev/tty");
        } catch (IOException | UnsupportedOperationException | SecurityException notLinux) {
            return consoleIsTerminal();
        }
    }

    private static boolean consoleIsTerminal() {
        var console = System.console();
        if (console == null) {
            return false;
        }
        try {
            // Java 22+ returns a console even when redirected; isTerminal() then tells the truth.
            Method isTerminal = console.getClass().getMethod("isTerminal");
            return (Boolean) isTerminal.invoke(console);
        } catch (ReflectiveOperationException e) {
            return true;
        }
    }

    void update(boolean failure) {
        done++;
        if (failure) {
            failed++;
        }
        long now = System.nanoTime();
        if (done == total || now - lastDrawn >= REDRAW_NANOS) {
            lastDrawn = now;
            draw(now);
        }
    }

    void finish() {
        if (total > 0) {
            out.print('\n');
            out.flush();
        }
    }

    private void draw(long now) {
        double seconds = Math.max((now - started) / 1e9, 1e-3);
        double rate = done / seconds;
        int filled = total == 0 ? WIDTH : (int) ((long) WIDTH * done / total);
        String eta = rate > 0 && done < total ? formatSeconds((total - done) / rate) : "0s";
        out.print("\r[" + "=".repeat(filled) + " ".repeat(WIDTH - filled) + "] " + done + "/" + total
                + (failed > 0 ? "  failed " + failed : "") + String.format("  %.1f/s  ETA %s ", rate, eta));
        out.flush();
    }

    private static String formatSeconds(double seconds) {
        long s = Math.round(seconds);
        return s >= 60 ? (s / 60) + "m" + (s % 60) + "s" : s + "s";
    }
}
