package dev.cove.cli;

import java.io.Console;

/**
 * The command's terminal checks: stdin (can someone answer the confirmation?), stdout (picks {@code table}
 * or {@code json} as the default format) and stderr (where the confirmation is asked). Cove's progress bar
 * asks its own question about stderr, in the library. Java cannot ask about one stream alone, so the launcher
 * {@code bin/cove} tests them ({@code [ -t 0 ]}, {@code [ -t 1 ]}, {@code [ -t 2 ]}) and passes the answers as the
 * system properties {@code cove.stdin.tty}, {@code cove.stdout.tty} and {@code cove.stderr.tty}; without them, an
 * interactive console is taken as the answer for all three.
 */
public final class Terminals {

    private Terminals() {
    }

    /**
     * Returns whether standard input is a terminal, i.e. someone can answer a question.
     *
     * @return true on a terminal
     */
    public static boolean stdinIsTerminal() {
        return decide("cove.stdin.tty");
    }

    /**
     * Returns whether standard output is a terminal.
     *
     * @return true on a terminal
     */
    public static boolean stdoutIsTerminal() {
        return decide("cove.stdout.tty");
    }

    /**
     * Returns whether standard error is a terminal that can draw a progress bar.
     *
     * @return true on a terminal other than {@code TERM=dumb}
     */
    public static boolean stderrIsTerminal() {
        return decide("cove.stderr.tty") && !"dumb".equals(System.getenv("TERM"));
    }

    private static boolean decide(String property) {
        String told = System.getProperty(property);
        if (told != null) {
            return Boolean.parseBoolean(told);
        }
        Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            // Java 22+ returns a console even when redirected; its isTerminal() then tells the truth.
            return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException java21) {
            return true;
        }
    }
}
