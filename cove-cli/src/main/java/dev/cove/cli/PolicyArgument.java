package dev.cove.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import picocli.CommandLine.TypeConversionException;

/** Reads the value of {@code --policy}: the JSON text itself, or {@code @FILE} for a file holding it. */
final class PolicyArgument {

    private PolicyArgument() {
    }

    /**
     * Returns the policy document the argument stands for.
     *
     * @param argument the option's value as typed
     * @return the policy text
     * @throws TypeConversionException when the file cannot be read
     */
    static String read(String argument) {
        if (!argument.startsWith("@")) {
            return argument;
        }
        Path file = Path.of(argument.substring(1));
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new TypeConversionException("no such file: " + file);
        } catch (IOException | RuntimeException e) {
            throw (TypeConversionException) new TypeConversionException("cannot read " + file + ": " + e.getMessage())
                    .initCause(e);
        }
    }
}
