package dev.cove.cli.output;

import dev.cove.cli.exec.ChildFailedException;

/** Describes a target's failure in one line, for the {@code ExceptionDetails} field and the command's messages. */
public final class ExceptionDetails {

    private ExceptionDetails() {
    }

    /**
     * Returns {@code Type: message}, or just the message for the command's own failures.
     *
     * @param failure the failure, may be null
     * @return the description
     */
    public static String describe(Throwable failure) {
        if (failure == null) {
            return "unknown failure";
        }
        if (failure instanceof ChildFailedException) {
            return failure.getMessage();
        }
        if (failure instanceof InterruptedException) {
            return "interrupted: the run was stopped and the command was killed";
        }
        String message = failure.getMessage();
        String type = failure.getClass().getSimpleName();
        return message == null || message.isBlank() ? type : type + ": " + message;
    }
}
