package dev.cove.cli;

import picocli.CommandLine;

/** The entry point of the {@code cove} command. */
public final class CoveCli {

    private CoveCli() {
    }

    /**
     * Runs the command and exits with its exit code.
     *
     * @param args the command-line arguments
     */
    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /**
     * Returns the command line, configured as the {@code cove} command runs it: no {@code @file} argument
     * expansion (so {@code --policy @file} and the program's own arguments reach their readers as typed),
     * case-insensitive enum values, everything after {@code exec}'s first positional argument handed to the
     * program, and one-line errors.
     *
     * @return a new command line
     */
    public static CommandLine commandLine() {
        ErrorHandlers errors = new ErrorHandlers();
        CommandLine commandLine = new CommandLine(new CoveCommand())
                .setExpandAtFiles(false)
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setParameterExceptionHandler(errors)
                .setExecutionExceptionHandler(errors);
        commandLine.getSubcommands().get("exec").setStopAtPositional(true);
        return commandLine;
    }
}
