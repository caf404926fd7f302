package dev.cove.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Turns errors into one clear line on stderr and an exit code: bad usage and bad configuration exit 2 —
 * that is, the library's {@link IllegalArgumentException} (a bad value) and {@link IllegalStateException}
 * (e.g. the calling account cannot be identified: credentials, region or endpoint are wrong), and AWS
 * errors before any target ran; anything else exits 1. Stack traces only with {@code --debug}.
 */
final class ErrorHandlers implements IParameterExceptionHandler, IExecutionExceptionHandler {

    /** Exit code of bad usage or configuration. */
    static final int USAGE = 2;
    /** Exit code of a failure that is neither usage nor a target's. */
    static final int FAILURE = 1;

    @Override
    public int handleParseException(ParameterException e, String[] args) {
        CommandLine command = e.getCommandLine();
        PrintWriter err = command.getErr();
        err.println(command.getColorScheme().errorText("cove: " + OptionNames.translate(e.getMessage())));
        if (Logging.debug(command) && e.getCause() != null) {
            e.getCause().printStackTrace(err);
        }
        UnmatchedArgumentException.printSuggestions(e, err);
        err.println("Try '" + command.getCommandSpec().qualifiedName() + " --help' for more information.");
        err.flush();
        return USAGE;
    }

    @Override
    public int handleExecutionException(Exception e, CommandLine command, ParseResult parseResult) {
        if (e instanceof ParameterException parameter) {
            return handleParseException(parameter, parseResult.originalArgs().toArray(String[]::new));
        }
        PrintWriter err = command.getErr();
        boolean configuration = isConfiguration(e);
        err.println(command.getColorScheme().errorText("cove: " + (configuration ? "" : "error: ")
                + OptionNames.translate(describe(e))));
        if (Logging.debug(command)) {
            e.printStackTrace(err);
        } else if (!configuration) {
            err.println("Run again with --debug for the stack trace.");
        }
        err.flush();
        return configuration ? USAGE : FAILURE;
    }

    private static boolean isConfiguration(Exception e) {
        return e instanceof IllegalArgumentException || e instanceof IllegalStateException
                || e instanceof SdkException;
    }

    private static String describe(Exception e) {
        String message = e.getMessage();
        if (message == null || message.isBlank()) {
            return e.getClass().getSimpleName();
        }
        return isConfiguration(e) ? message : e.getClass().getSimpleName() + ": " + message;
    }
}
