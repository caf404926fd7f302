package dev.cove.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the packaged {@code cove} jar in a child JVM, the way users run it, with a small, explicit environment
 * (fake credentials, no AWS profile files of the machine's user), and captures stdout and stderr in files.
 */
final class CoveProcess {

    /** The runnable jar, built by the {@code package} phase. */
    static final Path JAR = Path.of(System.getProperty("cove.jar", "target/cove.jar")).toAbsolutePath();

    /**
     * Resets SIGINT and SIGTERM to their default action, leads a process group of its own (as a shell puts a
     * foreground job in one, which Ctrl-C then signals as a whole), then becomes the given program. A process
     * started in the background by a non-interactive shell ignores SIGINT, and the JVM then installs no
     * handler for it; this makes the signal tests independent of how the build itself was started.
     */
    private static final String DEFAULT_SIGNALS = "import os, signal, sys; "
            + "signal.signal(signal.SIGINT, signal.SIG_DFL); signal.signal(signal.SIGTERM, signal.SIG_DFL); "
            + "os.setpgid(0, 0); os.execvp(sys.argv[1], sys.argv[1:])";

    private final List<String> args = new ArrayList<>();
    private final List<String> jvmOptions = new ArrayList<>();
    private final Map<String, String> env = new HashMap<>();
    private final Path dir;
    private String java = ProcessHandle.current().info().command().orElse("java");
    private boolean onTerminal;
    private String input;
    private String prompt;
    private Path stdout;

    private CoveProcess(Path dir) {
        this.dir = dir;
        env.put("PATH", System.getenv("PATH"));
        env.put("HOME", System.getProperty("user.home"));
        env.put("LANG", "C.UTF-8");
        env.put("AWS_ACCESS_KEY_ID", "testing");
        env.put("AWS_SECRET_ACCESS_KEY", "testing");
        env.put("AWS_REGION", "us-east-1");
        env.put("AWS_CONFIG_FILE", dir.resolve("no-aws-config").toString());
        env.put("AWS_SHARED_CREDENTIALS_FILE", dir.resolve("no-aws-credentials").toString());
    }

    /**
     * Prepares a run of {@code cove} with these arguments.
     *
     * @param dir a directory for the captured output
     * @param args the arguments
     * @return the run, to configure further
     */
    static CoveProcess cove(Path dir, String... args) {
        CoveProcess process = new CoveProcess(dir);
        process.args.addAll(List.of(args));
        return process;
    }

    CoveProcess env(String name, String value) {
        if (value == null) {
            env.remove(name);
        } else {
            env.put(name, value);
        }
        return this;
    }

    /** Runs the jar with this {@code java} instead of the one running the tests. */
    CoveProcess java(Path executable) {
        java = executable.toString();
        return this;
    }

    /**
     * Runs cove on a pseudo-terminal, through {@code script}: its stdout and stderr are then one terminal,
     * read back as stdout.
     */
    CoveProcess onTerminal() {
        onTerminal = true;
        return this;
    }

    /**
     * Writes this text on cove's stdin at once, then closes it. Without it (or {@link #answering}), stdin is
     * {@code /dev/null}.
     */
    CoveProcess input(String text) {
        input = text;
        return this;
    }

    /**
     * Types this text on cove's stdin once its output shows the prompt, as a person at the terminal would, then
     * closes stdin. With {@link #onTerminal()}, what is typed reaches cove through the terminal, which echoes it
     * after the prompt.
     */
    CoveProcess answering(String prompt, String text) {
        this.prompt = prompt;
        input = text;
        return this;
    }

    /** Sends cove's stdout to this file (e.g. {@code /dev/full}) instead of a file of the test's. */
    CoveProcess stdoutTo(Path file) {
        stdout = file;
        return this;
    }

    CoveProcess jvmOption(String option) {
        jvmOptions.add(option);
        return this;
    }

    /** A started cove process. */
    static final class Started {

        private final Process process;
        private final Path out;
        private final Path err;

        private Started(Process process, Path out, Path err) {
            this.process = process;
            this.out = out;
            this.err = err;
        }

        long pid() {
            return process.pid();
        }

        String stdout() {
            return read(out);
        }

        String stderr() {
            return read(err);
        }

        void signal(String name) throws IOException, InterruptedException {
            kill("-" + name, Long.toString(process.pid()));
        }

        /** Signals cove's whole process group, as Ctrl-C on a terminal signals the foreground job. */
        void signalGroup(String name) throws IOException, InterruptedException {
            kill("-" + name, "--", "-" + process.pid());
        }

        private void kill(String... args) throws IOException, InterruptedException {
            List<String> command = new ArrayList<>(List.of("kill"));
            command.addAll(List.of(args));
            Process kill = new ProcessBuilder(command).inheritIO().start();
            if (kill.waitFor() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed");
            }
        }

        Result await(Duration timeout) throws InterruptedException {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                throw new AssertionError("cove did not exit within " + timeout + "; stderr:\n" + stderr());
            }
            return new Result(process.exitValue(), stdout(), stderr());
        }
    }

    /**
     * A finished run.
     *
     * @param exitCode the exit code
     * @param out stdout
     * @param err stderr
     */
    record Result(int exitCode, String out, String err) {
    }

    Started start() throws IOException {
        // started as bin/cove starts it
        List<String> cove = new ArrayList<>(List.of(java, "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"));
        cove.addAll(jvmOptions);
        cove.addAll(List.of("-jar", JAR.toString()));
        cove.addAll(args);
        List<String> command = new ArrayList<>(List.of("python3", "-c", DEFAULT_SIGNALS));
        if (onTerminal) {
            String line = String.join(" ", cove.stream().map(arg -> "'" + arg.replace("'", "'\\''") + "'").toList());
            command.addAll(List.of("script", "-qfec", line, "/dev/null"));
        } else {
            command.addAll(cove);
        }
        Path out = Files.createTempFile(dir, "cove-", ".out");
        Path err = Files.createTempFile(dir, "cove-", ".err");
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectInput(input == null ? ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile())
                        : ProcessBuilder.Redirect.PIPE)
                .redirectOutput(stdout != null ? stdout.toFile() : out.toFile())
                .redirectError(err.toFile());
        builder.environment().clear();
        builder.environment().putAll(env);
        Process process = builder.start();
        if (input != null && prompt == null) {
            type(process, input);
        } else if (input != null) {
            String text = input;
            String awaited = prompt;
            Thread.ofVirtual().name("cove-answer").start(() -> {
                while (process.isAlive() && !read(out).contains(awaited)) {
                    try {
                        Thread.sleep(50);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                try {
                    type(process, text);
                } catch (IOException ended) {
                    // cove ended before the answer: the test's assertions say what it printed
                }
            });
        }
        return new Started(process, out, err);
    }

    private static void type(Process process, String text) throws IOException {
        try (var stdin = process.getOutputStream()) {
            stdin.write(text.getBytes(StandardCharsets.UTF_8));
        }
    }

    Result run() throws IOException, InterruptedException {
        return start().await(Duration.ofMinutes(2));
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
