package dev.cove.cli.report;

/** A ledger that cannot be read as one: a file that cannot be opened, or a line that is not a record. */
public final class UnreadableLedgerException extends Exception {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message names the file and the line, and what is wrong
     * @param cause the underlying failure
     */
    UnreadableLedgerException(String message, Throwable cause) {
        super(message, cause);
    }
}
