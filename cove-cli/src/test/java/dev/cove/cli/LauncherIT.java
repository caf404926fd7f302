package dev.cove.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bin/cove}, the launcher at the repository root. */
class LauncherIT {

    private static final Path LAUNCHER = Path.of(System.getProperty("user.dir")).resolve("../bin/cove").normalize();
    private static final Path JAR = Path.of(System.getProperty("cove.jar", "target/cove.jar")).toAbsolutePath();
    /** This JVM's java: the launcher gets it through JAVA_HOME. */
    private static final Path JAVA = Path.of(System.getProperty("java.home"), "bin", "java");

    private static String[] run(Path launcher, String... args) throws Exception {
        return run(launcher, Map.of(), args);
    }

    private static String[] run(Path launcher, Map<String, String> env, String... args) throws Exception {
        String[] command = new String[args.length + 1];
        command[0] = launcher.toString();
        System.arraycopy(args, 0, command, 1, args.length);
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        builder.environment().putAll(env);
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new String[] {Integer.toString(process.exitValue()), out, err};
    }

    @Test
    void launcher_runsTheJarWithAJava21OrNewer() throws Exception {
        String[] result = run(LAUNCHER, "--version");

        assertThat(result[0]).as(result[2]).isEqualTo("0");
        assertThat(result[1]).startsWith("cove ");
        int major = Integer.parseInt(result[1].replaceAll("(?s).*Java (\\d+).*", "$1"));
        assertThat(major).isGreaterThanOrEqualTo(21);
    }

    @Test
    void launcher_withoutTheJar_saysHowToBuildIt(@TempDir Path dir) throws Exception {
        Path copy = Files.createDirectories(dir.resolve("bin")).resolve("cove");
        Files.copy(LAUNCHER, copy);
        copy.toFile().setExecutable(true);

        String[] result = run(copy, "--version");

        assertThat(result[0]).isEqualTo("2");
        assertThat(result[2]).contains("cove.jar is missing", "./mvnw -q -B package -DskipTests");
    }

    @Test
    void launcher_usesTheBuildsAotCache_withTheJavaThatMadeIt() throws Exception {
        Path cache = JAR.resolveSibling("cove.aot");
        if (Runtime.version().feature() < 24) {
            assertThat(cache).as("no AOT cache before Java 24").doesNotExist();
            return;
        }
        assertThat(cache).as("made by the package phase with this JDK").isRegularFile();
        assertThat(Files.readString(JAR.resolveSibling("cove.aot.java")).strip())
                .isEqualTo(JAVA.toRealPath().toString());

        // With AOTMode=on a JVM that cannot use the cache does not start.
        String[] result = run(LAUNCHER, Map.of("JAVA_HOME", System.getProperty("java.home"),
                "COVE_JAVA_OPTS", "-XX:AOTMode=on"), "--version");

        assertThat(result[0]).as(result[2]).isEqualTo("0");
        assertThat(result[1].lines()).hasSize(2).first().asString().startsWith("cove ");
        assertThat(result[2]).isEmpty();
    }

    @Test
    void launcher_withARefusedAotCache_orOneOfAnotherJava_orNone_printsNothingMore(@TempDir Path dir) throws Exception {
        Path copy = Files.createDirectories(dir.resolve("bin")).resolve("cove");
        Files.copy(LAUNCHER, copy);
        copy.toFile().setExecutable(true);
        Path target = Files.createDirectories(dir.resolve("cove-cli/target"));
        Files.copy(JAR, target.resolve("cove.jar"));
        Path cache = target.resolve("cove.aot");
        Path record = target.resolve("cove.aot.java");
        Map<String, String> env = Map.of("JAVA_HOME", System.getProperty("java.home"));

        String[] none = run(copy, env, "--version");
        Files.write(cache, new byte[4096]);
        Files.writeString(record, "/elsewhere/bin/java\n");
        String[] otherJava = run(copy, env, "--version");
        Files.writeString(record, JAVA.toRealPath() + "\n");
        Files.setLastModifiedTime(cache, FileTime.from(Instant.parse("2020-01-01T00:00:00Z")));
        String[] olderThanTheJar = run(copy, env, "--version");
        Files.setLastModifiedTime(cache, FileTime.from(Instant.now().plusSeconds(60)));
        String[] refused = run(copy, env, "--version");
        String[] refusedWhenRequired = run(copy, Map.of("JAVA_HOME", System.getProperty("java.home"),
                "COVE_JAVA_OPTS", "-XX:AOTMode=on"), "--version");

        for (String[] result : new String[][] {none, otherJava, olderThanTheJar, refused}) {
            assertThat(result[0]).as(result[2]).isEqualTo("0");
            assertThat(result[1].lines()).as("nothing but the version on stdout").hasSize(2)
                    .first().asString().startsWith("cove ");
            assertThat(result[2]).isEmpty();
        }
        if (Runtime.version().feature() >= 24) {
            assertThat(refusedWhenRequired[0]).as("the refused cache was passed to the JVM").isNotEqualTo("0");
        }
    }
}
