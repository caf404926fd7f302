package dev.cove.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bin/cove}, the launcher at the repository root. */
class LauncherIT {

    private static final Path LAUNCHER = Path.of(System.getProperty("user.dir")).resolve("../bin/cove").normalize();

    private static String[] run(Path launcher, String... args) throws Exception {
        String[] command = new String[args.length + 1];
        command[0] = launcher.toString();
        System.arraycopy(args, 0, command, 1, args.length);
        Process process = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
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
}
