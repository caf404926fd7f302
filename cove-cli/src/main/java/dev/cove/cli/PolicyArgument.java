package dev.cove.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/** Reads the value of {@code --policy}: the JSON text itself, or {@code @FILE} for a file holding it. */
final class PolicyArgument {

    private PolicyArgument() {
    }

    /**
     * Returns the policy document the argument stands for.
     *
     * @param commandLine the command, for the error
     * @param argument the option's value as typed
     * @return the policy text
     * @throws ParameterException when the file cannot be read
     */
    static String read(CommandLine commandLine, String argument) {
        if (!argument.startsWith("@")) {
            return argument;
        }
        Path file = Path.of(argument.substring(1));
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new ParameterException(commandLine, "Invalid value for option '--policy': no such file: " + file);
        } catch (IOException | RuntimeException e) {
            throw new ParameterException(commandLine,
                    "Invalid value for option '--policy': cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
