package dev.cove.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** The Java installations on this machine that Cove supports (21 or newer), to run the jar with each. */
final class Jdks {

    private static final Pattern VERSION = Pattern.compile("(?m)^JAVA_VERSION=\"(\\d+)");

    private Jdks() {
    }

    /**
     * Returns the {@code java} executables of every supported Java found: the one running the tests, and
     * those in {@code /usr/lib/jvm}, each once.
     *
     * @return the executables, keyed by a name such as {@code Java 25 (/usr/lib/jvm/temurin-25-jdk-amd64)}
     */
    static Map<String, Path> supported() {
        Map<Path, Integer> homes = new LinkedHashMap<>();
        homes.put(realPath(Path.of(System.getProperty("java.home"))), Runtime.version().feature());
        try (Stream<Path> installed = Files.list(Path.of("/usr/lib/jvm"))) {
            installed.map(Jdks::realPath)
                    .forEach(home -> major(home).ifPresent(major -> homes.putIfAbsent(home, major)));
        } catch (IOException none) {
            // no /usr/lib/jvm: only the running Java
        }
        Map<String, Path> executables = new LinkedHashMap<>();
        homes.forEach((home, major) -> {
            Path java = home.resolve("bin/java");
            if (major >= 21 && Files.isExecutable(java)) {
                executables.put("Java " + major + " (" + home + ")", java);
            }
        });
        return executables;
    }

    private static Optional<Integer> major(Path home) {
        Path release = home.resolve("release");
        if (!Files.isRegularFile(release)) {
            return Optional.empty();
        }
        try {
            Matcher version = VERSION.matcher(Files.readString(release));
            return version.find() ? Optional.of(Integer.parseInt(version.group(1))) : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path realPath(Path path) {
        try {
            return path.toRealPath();
        } catch (IOException e) {
            return path.toAbsolutePath().normalize();
        }
    }
}
