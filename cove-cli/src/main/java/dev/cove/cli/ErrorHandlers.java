package dev.cove.cli;

import dev.cove.CoveConfigurationException;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;
import software.amazon.awssdk.core.exception.SdkClientException;

/**
 * Turns errors into one line on stderr and an exit code. The user's mistakes exit 2: bad usage (picocli's
 * {@link ParameterException}), a setting Cove cannot work with ({@link CoveConfigurationException}, shown
 * under the flag that made it), and the AWS SDK finding no credentials or no region. Anything else is
 * Cove's failure: it exits 1 with the exception's type, and a hint to run again with {@code --debug}, which
 * prints stack traces.
 */
final class ErrorHandlers implements IParameterExceptionHandler, IExecutionExceptionHandler {

    /** Exit code of bad usage or configuration. */
    static final int USAGE = 2;
    /** Exit code of a failure that is neither usage nor a target's. */
    static final int FAILURE = 1;

    /** How the AWS SDK begins its messages about a missing setting of the machine's user. */
    private static final List<String> SDK_SETTINGS = List.of("Unable to load credentials", "Unable to load region");

    @Override
    public int handleParseException(ParameterException e, String[] args) {
        CommandLine command = e.getCommandLine();
        PrintWriter err = command.getErr();
        err.println(command.getColorScheme().errorText("cove: " + e.getMessage()));
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
        String configuration = configuration(e, command.getParseResult());
        String line = configuration != null ? configuration : "error: " + oneLine(e);
        err.println(command.getColorScheme().errorText("cove: " + line));
        if (Logging.debug(command)) {
            e.printStackTrace(err);
        } else if (configuration == null) {
            err.println("Run again with --debug for the stack trace.");
        }
        err.flush();
        return configuration != null ? USAGE : FAILURE;
    }

    /** Describes the user's mistake, e.g. {@code --role-session-name: not a valid ...}; null for Cove's own. */
    private static String configuration(Exception e, ParseResult given) {
        if (e instanceof CoveConfigurationException setting) {
            return BuilderOptions.flagFor(setting.option(), given) + ": " + setting.rule();
        }
        String message = e.getMessage();
        if (e instanceof SdkClientException && message != null && SDK_SETTINGS.stream().anyMatch(message::startsWith)) {
            return message;
        }
        return null;
    }

    private static String oneLine(Exception e) {
        String type = e.getClass().getSimpleName();
        String message = e.getMessage();
        if (message == null || message.isBlank()) {
            return type;
        }
        return type + ": " + message.strip().replaceAll("\\s*\\R\\s*", " ");
    }
}
