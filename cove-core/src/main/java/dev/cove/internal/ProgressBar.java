package dev.cove.internal;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

/**
 * A one-line progress bar on stderr: done/total, failures, rate and ETA, redrawn at most a few times a
 * second. Targets start while the organization is still being listed, so the total may be unknown at first:
 * until {@link #total(int)} is called the bar shows {@code done/?} and no ETA, never a guess. Calls must be
 * serialized by the caller.
 */
final class ProgressBar {

    private static final long REDRAW_NANOS = Duration.ofMillis(200).toNanos();
    private static final int WIDTH = 30;

    /** The total while the plan is not complete. */
    private static final int UNKNOWN = -1;

    private final PrintStream out;
    private final long started = System.nanoTime();
    private int total = UNKNOWN;
    private long lastDrawn;
    private boolean drawn;
    private int lastLength;
    private int done;
    private int failed;

    ProgressBar(PrintStream out) {
        this.out = out;
    }

    /**
     * Returns a progress bar on stderr, the one place of the library that writes to the terminal.
     *
     * @return the bar, with its total unknown
     */
    static ProgressBar onStandardError() {
        return new ProgressBar(System.err);
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

    /**
     * Sets the total once the plan is complete, and redraws.
     *
     * @param targets the number of targets
     */
    void total(int targets) {
        total = targets;
        if (drawn || done > 0) {
            draw(System.nanoTime());
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
        if (drawn) {
            out.print('\n');
            out.flush();
        }
    }

    private void draw(long now) {
        double seconds = Math.max((now - started) / 1e9, 1e-3);
        double rate = done / seconds;
        String line;
        if (total == UNKNOWN) {
            line = "\r[" + ".".repeat(WIDTH) + "] " + done + "/?" + (failed > 0 ? "  failed " + failed : "")
                    + String.format(Locale.ROOT, "  %.1f/s  listing the organization ", rate);
        } else {
            int filled = total == 0 ? WIDTH : (int) ((long) WIDTH * done / total);
            String eta = rate > 0 && done < total ? formatSeconds((total - done) / rate) : "0s";
            line = "\r[" + "=".repeat(filled) + " ".repeat(WIDTH - filled) + "] " + done + "/" + total
                    + (failed > 0 ? "  failed " + failed : "") + String.format(Locale.ROOT, "  %.1f/s  ETA %s ", rate, eta);
        }
        // The line shrinks when the total becomes known: pad it so no stale characters remain.
        out.print(line + " ".repeat(Math.max(0, lastLength - line.length())));
        lastLength = line.length();
        drawn = true;
        out.flush();
    }

    private static String formatSeconds(double seconds) {
        long s = Math.round(seconds);
        return s >= 60 ? (s / 60) + "m" + (s % 60) + "s" : s + "s";
    }
}
