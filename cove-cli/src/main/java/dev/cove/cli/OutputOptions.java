package dev.cove.cli;

import dev.cove.cli.output.Destination;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** Where and how a command writes its records: {@code --format} and {@code --output}. */
public final class OutputOptions {

    @Spec(Spec.Target.MIXEE)
    private CommandSpec mixee;

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", converter = Format.Converter.class,
            completionCandidates = Format.Names.class,
            description = "Output format: ${COMPLETION-CANDIDATES}. Default: table when stdout is a terminal,"
                    + " json otherwise.")
    private Format format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "Write the records to FILE instead of stdout: atomically (temporary file, then rename)"
                    + " for json, csv and table; line by line, flushed, for jsonl.")
    private Path output;

    /** Creates the options; picocli fills them in. */
    public OutputOptions() {
    }

    /**
     * Returns whether {@code --format} was given.
     *
     * @return true when the user chose the format
     */
    public boolean formatGiven() {
        return format != null;
    }

    /**
     * Returns the format given, or the default for where the output goes.
     *
     * @return the format
     */
    public Format format() {
        if (format != null) {
            return format;
        }
        return output == null && Terminals.stdoutIsTerminal() ? Format.TABLE : Format.JSON;
    }

    /**
     * Returns where the records go, after checking that they can be written there, before anything runs.
     *
     * @param stdout the command's standard output
     * @return the destination
     * @throws ParameterException when the file's directory does not exist, or the file cannot be written
     */
    public Destination destination(PrintWriter stdout) {
        Path file = output();
        Destination destination = Destination.of(stdout, file);
        try {
            destination.checkWritable();
        } catch (IOException e) {
            throw new ParameterException(mixee.commandLine(), "Invalid value for option '--output': cannot write "
                    + file + ": " + reason(e), e);
        }
        return destination;
    }

    private static String reason(IOException e) {
        return switch (e) {
            case AccessDeniedException denied -> "permission denied";
            case NoSuchFileException missing -> "no such file or directory";
            case FileSystemException fs when fs.getReason() != null -> fs.getReason();
            default -> e.getMessage();
        };
    }

    /**
     * Returns the output file after checking that its directory exists, or null for stdout.
     *
     * @return the file, or null
     * @throws ParameterException when the file's directory does not exist or the file is a directory
     */
    public Path output() {
        return output == null ? null : checked(mixee.commandLine(), output);
    }

    /**
     * Returns an output file as an absolute path after checking that its directory exists.
     *
     * @param command the command whose {@code --output} it is
     * @param output the file given
     * @return the absolute file
     * @throws ParameterException when the file's directory does not exist or the file is a directory
     */
    static Path checked(CommandLine command, Path output) {
        Path absolute = output.toAbsolutePath();
        if (Files.isDirectory(absolute)) {
            throw new ParameterException(command, "Invalid value for option '--output': " + output + " is a directory");
        }
        Path parent = absolute.getParent();
        if (parent == null || !Files.isDirectory(parent)) {
            throw new ParameterException(command,
                    "Invalid value for option '--output': directory " + parent + " does not exist");
        }
        return absolute;
    }
}
