package dev.cove.cli.exec;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Finds a program the way a shell would: a path as given, or a bare name on {@code PATH}. */
public final class Executables {

    private Executables() {
    }

    /**
     * Locates a program.
     *
     * @param program a path (containing a separator) or a bare name
     * @param path the search path, e.g. {@code System.getenv("PATH")}; may be null
     * @return the executable file, or empty when there is none
     */
    public static Optional<Path> locate(String program, String path) {
        if (program.isEmpty()) {
            return Optional.empty();
        }
        if (program.contains(File.separator)) {
            Path file = Path.of(program);
            return isExecutable(file) ? Optional.of(file) : Optional.empty();
        }
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(File.pathSeparator)) {
            Path file = Path.of(dir.isEmpty() ? "." : dir).resolve(program);
            if (isExecutable(file)) {
                return Optional.of(file);
            }
        }
        return Optional.empty();
    }

    private static boolean isExecutable(Path file) {
        return Files.isRegularFile(file) && Files.isExecutable(file);
    }
}
