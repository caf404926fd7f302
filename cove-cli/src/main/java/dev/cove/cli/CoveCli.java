package dev.cove.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
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
        CommandLine commandLine = commandLine();
        // Straight to the file descriptor, not through System.out, which hides write errors (a full disk, a
        // closed pipe) from the writer: the command must notice them, so that no record is lost unsaid.
        commandLine.setOut(new PrintWriter(new OutputStreamWriter(new FileOutputStream(FileDescriptor.out),
                System.out.charset()), true));
        System.exit(commandLine.execute(args));
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
