package dev.cove.cli.output;

import dev.cove.cli.exec.ChildFailedException;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

/**
 * Describes a target's failure in one line, for the {@code ExceptionDetails} field and the command's messages,
 * and names its AWS error code, for the {@code ErrorCode} field.
 */
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

    /**
     * Returns the error code AWS answered with, e.g. {@code AccessDenied}, from the failure or its causes.
     *
     * @param failure the failure, may be null
     * @return the code, or null when no AWS service error is among the failure and its causes
     */
    public static String errorCode(Throwable failure) {
        int depth = 0;
        for (Throwable cause = failure; cause != null && depth < 10; cause = cause.getCause(), depth++) {
            if (cause instanceof AwsServiceException aws && aws.awsErrorDetails() != null
                    && aws.awsErrorDetails().errorCode() != null && !aws.awsErrorDetails().errorCode().isBlank()) {
                return aws.awsErrorDetails().errorCode();
            }
        }
        return null;
    }
}
