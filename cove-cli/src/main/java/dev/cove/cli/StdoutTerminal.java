package dev.cove.cli;

import java.io.Console;

/**
 * The command's one terminal check: whether standard output is a terminal, which picks the default format
 * ({@code table} on one, {@code json} otherwise). Whether standard error can show the progress bar is not
 * asked here: Cove's own bar decides that ({@link dev.cove.Cove.Builder#progress(boolean)} left unset).
 *
 * <p>Java cannot ask about stdout alone, so the launcher {@code bin/cove} tests it ({@code [ -t 1 ]}) and
 * passes the answer as the system property {@code cove.stdout.tty}; without it, an interactive console is
 * taken as the answer.
 */
final class StdoutTerminal {

    private static final String PROPERTY = "cove.stdout.tty";

    private StdoutTerminal() {
    }

    /**
     * Returns whether standard output is a terminal.
     *
     * @return true on a terminal
     */
    static boolean detected() {
        String told = System.getProperty(PROPERTY);
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
