package dev.cove.cli;

import java.nio.file.Files;
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
