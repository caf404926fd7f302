package dev.cove.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cove.bench.runner.BenchRunner;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs {@link BenchRunner} in a fresh JVM, collects its result line, and reads the process's peak RSS and
 * CPU time from {@code /proc} while the child waits to be released.
 */
public final class ChildJvm {

    private final List<String> jvmFlags;
    private final Path workDir;
    private final long timeoutSeconds;

    /**
     * Prepares runs of child JVMs.
     *
     * @param jvmFlags flags for every child, e.g. heap limits
     * @param workDir where each child's standard error (and profile) is kept
     * @param timeoutSeconds how long one child may take
     */
    public ChildJvm(List<String> jvmFlags, Path workDir, long timeoutSeconds) {
        this.jvmFlags = List.copyOf(jvmFlags);
        this.workDir = workDir;
        this.timeoutSeconds = timeoutSeconds;
    }

    /**
     * Runs one child to completion.
     *
     * @param name a file-name-safe name for the run's log and profile
     * @param runnerArgs the runner's {@code key=value} arguments
     * @param profile whether to record a JFR profile
     * @return what the child reported and what {@code /proc} said of it
     * @throws IOException when the child cannot start, fails, or reports nothing
     * @throws InterruptedException when interrupted while waiting
     */
    public Measurement run(String name, List<String> runnerArgs, boolean profile)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmFlags);
        Path jfr = workDir.resolve(name + ".jfr");
        if (profile) {
            // Deep enough for the SDK's request pipeline under a virtual thread.
            command.add("-XX:FlightRecorderOptions:stackdepth=256");
            command.add("-XX:StartFlightRecording=filename=" + jfr + ",settings=profile,dumponexit=true");
        }
        command.add("-Dorg.slf4j.simpleLogger.defaultLogLevel=warn");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(BenchRunner.class.getName());
        command.addAll(runnerArgs);
        Path log = workDir.resolve(name + ".log");
        Process process = new ProcessBuilder(command)
                .redirectError(log.toFile())
                .start();
        try {
            CompletableFuture<String> line = CompletableFuture.supplyAsync(() -> resultLine(process));
            String json;
            try {
                json = line.get(timeoutSeconds, TimeUnit.SECONDS);
            } catch (TimeoutException e) {
                throw new IOException("Run " + name + " took more than " + timeoutSeconds + " s; see " + log);
            } catch (ExecutionException e) {
                throw new IOException("Run " + name + " failed: " + e.getCause().getMessage() + "; see " + log);
            }
            ProcStats stats = ProcStats.read(process.pid());
            ThreadCpu threads = ThreadCpu.read(process.pid());
            try (OutputStream in = process.getOutputStream()) {
                in.write('\n');
            }
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                throw new IOException("Run " + name + " did not exit after reporting; see " + log);
            }
            return new Measurement(reported(json), stats, threads, profile ? jfr : null, log);
        } finally {
            process.destroyForcibly();
        }
    }

    /**
     * Reads the members of a result line: numbers and booleans as text (a double as {@link Double#toString}
     * prints it), null members left out.
     *
     * @throws IOException when the line is not a JSON object of plain values
     */
    static Map<String, String> reported(String json) throws IOException {
        JsonNode line = Json.MAPPER.readTree(json);
        if (!line.isObject()) {
            throw new IOException("The result line is not a JSON object: " + json);
        }
        Map<String, String> reported = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> member : line.properties()) {
            JsonNode value = member.getValue();
            if (value.isContainerNode()) {
                throw new IOException("The result member " + member.getKey() + " is not a plain value: " + json);
            }
            if (!value.isNull()) {
                reported.put(member.getKey(), value.asText());
            }
        }
        return reported;
    }

    private static String resultLine(Process process) {
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        try {
            String line;
            while ((line = out.readLine()) != null) {
                if (line.startsWith(BenchRunner.RESULT_PREFIX)) {
                    // Keep draining so the child never blocks on a full pipe.
                    Thread.ofVirtual().start(() -> drain(out));
                    return line.substring(BenchRunner.RESULT_PREFIX.length());
                }
            }
            out.close();
            throw new IllegalStateException("the runner exited with code " + process.waitFor()
                    + " without a result line");
        } catch (IOException e) {
            throw new IllegalStateException(e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static void drain(BufferedReader out) {
        try (out) {
            while (out.readLine() != null) {
                // discard
            }
        } catch (IOException e) {
            // the child is gone
        }
    }

    /**
     * What one child reported, and what the OS said of it.
     *
     * @param reported the runner's result members
     * @param process peak RSS and CPU time of the child
     * @param threads the child's CPU time by kind of thread, over its whole life
     * @param profile the JFR recording, or null
     * @param log the child's standard error
     */
    public record Measurement(Map<String, String> reported, ProcStats process, ThreadCpu threads, Path profile,
            Path log) {
    }
}
