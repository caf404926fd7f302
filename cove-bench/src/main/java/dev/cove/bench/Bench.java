package dev.cove.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The benchmark harness: for each backend, runs Cove over every configuration of the matrix in a fresh
 * child JVM, measures it, and writes {@code benchmarks.md} and {@code benchmarks.csv}.
 */
public final class Bench {

    private static final long RUN_TIMEOUT_SECONDS = 900;
    private static final double QUIET_BUSY = 0.15;

    private final BenchOptions options;
    private final String command;
    private double lastBusy = -1;

    private Bench(BenchOptions options, String command) {
        this.options = options;
        this.command = command;
    }

    /**
     * Runs the benchmark; see {@link BenchOptions#USAGE}.
     *
     * @param args the options
     * @throws Exception when a run fails
     */
    public static void main(String[] args) throws Exception {
        BenchOptions options;
        try {
            if (List.of(args).contains("--help") || List.of(args).contains("-h")) {
                System.out.print(BenchOptions.USAGE);
                return;
            }
            options = BenchOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.print(BenchOptions.USAGE);
            System.exit(2);
            return;
        }
        new Bench(options, ("./bench.sh " + String.join(" ", args)).trim()).run();
    }

    private void run() throws Exception {
        Path work = Path.of("cove-bench", "target", "bench");
        Files.createDirectories(work);
        List<String> flags = options.aot() ? withAotCache(work) : options.jvmFlags();
        ChildJvm child = new ChildJvm(flags, work, RUN_TIMEOUT_SECONDS);
        Report report = new Report(options.out());
        List<BenchResult> profiled = new ArrayList<>();
        for (String backendName : options.backends()) {
            double loadBefore = Machine.load();
            List<BenchResult> results = new ArrayList<>();
            String description;
            try (Backend backend = open(backendName)) {
                for (BenchCase benchCase : options.cases(backendName)) {
                    BenchResult result = runOne(backend, benchCase, child);
                    results.add(result);
                    if (options.profile()) {
                        profiled.add(result);
                    }
                }
                description = backend.describe();
            }
            report.write(backendName, results, new Report.RunContext(command, Machine.current(), loadBefore,
                    Machine.load(), description, flags));
            System.out.println("Wrote " + backendName + " results to " + options.out().resolve("benchmarks.md"));
        }
        if (!profiled.isEmpty()) {
            new ProfileReport(options.out().resolve("benchmarks.md")).write(profiled);
        }
    }

    private BenchResult runOne(Backend backend, BenchCase benchCase, ChildJvm child) throws Exception {
        System.out.printf(Locale.ROOT, "%-24s preparing...%n", benchCase.name());
        Backend.Connection connection = backend.prepare(benchCase.accounts(),
                Duration.ofMillis(benchCase.latencyMillis()));
        double load = waitForQuiet();
        List<String> args = List.of(
                "endpoint=" + connection.endpoint(),
                "accessKeyId=" + connection.accessKeyId(),
                "secretAccessKey=" + connection.secretAccessKey(),
                "accounts=" + benchCase.accounts(),
                "regions=" + benchCase.regions(),
                "workers=" + benchCase.workers(),
                "stream=" + options.stream());
        double backendCpu = backend.cpuSeconds();
        ChildJvm.Measurement m = child.run(benchCase.name(), args, options.profile());
        backendCpu = backend.cpuSeconds() - backendCpu;
        BenchResult result = new BenchResult(benchCase, m.reported(), m.process(), m.threads(), backend.requests(),
                m.profile(), backendCpu, load, lastBusy);
        System.out.printf(Locale.ROOT, "%-24s wall %6.2f s  ideal %6.2f s  efficiency %.2f  requests %d  "
                        + "RSS %.0f MB  CPU %.3f ms/target  %s%n",
                benchCase.name(), result.wallSeconds(), result.idealSeconds(), result.efficiency(),
                result.requests().totalRequests(), result.process().peakRssBytes() / 1048576.0,
                result.cpuMillisPerTarget(), result.correct() ? "ok" : "WRONG: " + m.reported());
        return result;
    }

    /**
     * Makes an AOT cache with one training run of the child on the stub (JDK 25's one-step
     * {@code -XX:AOTCacheOutput}, JEP 514: the cache is written when the child exits) and returns the child's
     * flags that start from it. Training and measured runs share the class path and the flags, as the JVM
     * requires; {@code -Xlog:aot*=off} keeps a refused cache from printing on standard output.
     */
    private List<String> withAotCache(Path work) throws Exception {
        if (Runtime.version().feature() < 25) {
            throw new IllegalStateException("--aot needs JDK 25 or newer (one-step AOT cache), not "
                    + Runtime.version());
        }
        Path cache = work.resolve("child.aot");
        Files.deleteIfExists(cache);
        List<String> training = new ArrayList<>(options.jvmFlags());
        training.add("-XX:AOTCacheOutput=" + cache);
        try (Backend backend = new StubBackend()) {
            runOne(backend, new BenchCase("stub", 300, 3, 100, 50), new ChildJvm(training, work, RUN_TIMEOUT_SECONDS));
        }
        for (int waited = 0; !Files.exists(cache) && waited < 100; waited++) {
            Thread.sleep(100); // the child writes the cache as it exits, after its result was read
        }
        if (!Files.exists(cache)) {
            throw new IllegalStateException("the training run made no AOT cache at " + cache);
        }
        System.out.printf(Locale.ROOT, "AOT cache %s (%.0f MB) made by the training run above%n", cache,
                Files.size(cache) / 1048576.0);
        List<String> flags = new ArrayList<>(options.jvmFlags());
        flags.add("-XX:AOTCache=" + cache);
        flags.add("-Xlog:aot*=off");
        return flags;
    }

    private Backend open(String name) {
        return switch (name) {
            case "stub" -> new StubBackend();
            case "moto" -> new MotoBackend();
            default -> throw new IllegalArgumentException(name);
        };
    }

    /**
     * Waits until the machine is quiet enough, up to a point: the one-minute load average below the limit,
     * or, since the load average still remembers the previous run for a minute, the processors at most
     * 15 % busy over five seconds. Returns the load average the run starts at.
     */
    private double waitForQuiet() throws InterruptedException {
        long deadline = System.nanoTime() + options.loadWaitSeconds() * 1_000_000_000L;
        while (true) {
            double load = Machine.load();
            double busy = Machine.busy(5_000);
            lastBusy = busy;
            if (load < options.maxLoad() || (busy >= 0 && busy <= QUIET_BUSY)) {
                return load;
            }
            if (System.nanoTime() > deadline) {
                System.out.printf(Locale.ROOT, "Load average %.2f, processors %.0f %% busy: running anyway "
                        + "(recorded in the report)%n", load, busy * 100);
                return load;
            }
            System.out.printf(Locale.ROOT, "Load average %.2f, processors %.0f %% busy: waiting for a quieter "
                    + "machine...%n", load, busy * 100);
            Thread.sleep(5_000);
        }
    }
}
