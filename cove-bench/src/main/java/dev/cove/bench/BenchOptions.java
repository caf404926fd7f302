package dev.cove.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The harness's command-line options.
 *
 * @param quick whether to run the small matrix
 * @param backends the backends to run, in order
 * @param accounts the stub's account counts, or null for the matrix's
 * @param regions the stub's region counts, or null for the matrix's
 * @param workers the stub's worker counts, or null for the matrix's
 * @param latencyMillis latency per request
 * @param profile whether to record and summarize a JFR profile of every run
 * @param out where {@code benchmarks.md} and {@code benchmarks.csv} go
 * @param jvmFlags the child JVM's flags
 * @param maxLoad the load average to wait for before running
 * @param loadWaitSeconds how long to wait for it
 * @param stream whether each run streams its outcomes ({@code Cove.stream}) instead of keeping them
 * @param aot whether the child JVMs start from an AOT cache made by one training run first, as {@code bin/cove}
 *     starts from the one the build makes
 */
public record BenchOptions(boolean quick, List<String> backends, List<Integer> accounts, List<Integer> regions,
        List<Integer> workers, int latencyMillis, boolean profile, Path out, List<String> jvmFlags, double maxLoad,
        int loadWaitSeconds, boolean stream, boolean aot) {

    /**
     * The child JVM's default flags: a heap of at most 160 MB (the live set at 1,000 workers is about
     * 60 MB; with 256 MB the JVM's RSS passes 350 MB at 5,000 × 3), with the serial collector, which on
     * two processors costs the least CPU and memory for a heap this small, and only the C1 compiler, as
     * {@code bin/cove} runs: these runs wait on the network, and C2 spends more CPU compiling than it saves.
     */
    public static final List<String> DEFAULT_JVM_FLAGS = List.of("-Xms64m", "-Xmx160m", "-XX:+UseSerialGC",
            "-XX:TieredStopAtLevel=1");

    /** The usage text. */
    public static final String USAGE = """
            Usage: ./bench.sh [options]
              --quick               a small matrix (about a minute): stub 500x1@20, 500x3@200, 1500x3@1000;
                                    moto 500x1@20; results go to cove-bench/target/bench unless --out is given
              --backend B           stub, moto or all (default all)
              --accounts N,N        stub account counts (default 500,1500,5000)
              --regions N,N         stub region counts, 1 to 30 (default 1,3)
              --workers N,N         stub threadWorkers (default 20,200,1000)
              --latency-ms N        latency added to every request (default 50)
              --jfr                 record a JFR profile of each run and list its top frames in the report
              --out DIR             where benchmarks.md and benchmarks.csv go (default docs)
              --jvm-flags "F ..."   flags of the child JVM (default: -Xms64m -Xmx160m -XX:+UseSerialGC
                                    -XX:TieredStopAtLevel=1, the collector and JIT level of bin/cove)
              --max-load X          before each run, wait until the 1-minute load average is below X (default 0.7)
              --load-wait S         wait at most S seconds per run, then run anyway and record the load (default 300)
              --stream              run with Cove.stream: each outcome to a listener that checks and counts it,
                                    none kept (the memory of a streaming run, e.g. cove exec -f jsonl)
              --aot                 start every child JVM from an AOT cache (JDK 25+: -XX:AOTCache) made by one
                                    training run (stub, 300 accounts x 3 regions, 100 workers) before the others,
                                    as bin/cove starts from the cache its build makes
            """;

    /**
     * Parses the options.
     *
     * @param args the arguments
     * @return the options
     * @throws IllegalArgumentException naming a bad option
     */
    public static BenchOptions parse(String[] args) {
        boolean quick = false;
        String backend = "all";
        List<Integer> accounts = null;
        List<Integer> regions = null;
        List<Integer> workers = null;
        int latency = 50;
        boolean profile = false;
        boolean stream = false;
        boolean aot = false;
        Path out = null;
        List<String> flags = DEFAULT_JVM_FLAGS;
        double maxLoad = 0.7;
        int loadWait = 300;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--quick" -> quick = true;
                case "--jfr" -> profile = true;
                case "--stream" -> stream = true;
                case "--aot" -> aot = true;
                case "--backend" -> backend = value(args, ++i, arg);
                case "--accounts" -> accounts = numbers(value(args, ++i, arg), arg);
                case "--regions" -> regions = numbers(value(args, ++i, arg), arg);
                case "--workers" -> workers = numbers(value(args, ++i, arg), arg);
                case "--latency-ms" -> latency = nonNegative(value(args, ++i, arg), arg);
                case "--out" -> out = Path.of(value(args, ++i, arg));
                case "--jvm-flags" -> flags = Arrays.asList(value(args, ++i, arg).trim().split("\\s+"));
                case "--max-load" -> maxLoad = Double.parseDouble(value(args, ++i, arg));
                case "--load-wait" -> loadWait = numbers(value(args, ++i, arg), arg).get(0);
                default -> throw new IllegalArgumentException("Unknown option " + arg);
            }
        }
        List<String> backends = switch (backend) {
            case "all" -> List.of("stub", "moto");
            case "stub", "moto" -> List.of(backend);
            default -> throw new IllegalArgumentException("--backend must be stub, moto or all, not " + backend);
        };
        if (out == null) {
            out = quick ? Path.of("cove-bench", "target", "bench") : Path.of("docs");
        }
        return new BenchOptions(quick, backends, accounts, regions, workers, latency, profile, out, List.copyOf(flags),
                maxLoad, loadWait, stream, aot);
    }

    /**
     * Returns the runs of one backend.
     *
     * @param backend {@code stub} or {@code moto}
     * @return the configurations, in the order they run
     */
    public List<BenchCase> cases(String backend) {
        List<BenchCase> cases = new ArrayList<>();
        if (backend.equals("moto")) {
            cases.add(new BenchCase("moto", 500, 1, 20, latencyMillis));
            if (!quick) {
                cases.add(new BenchCase("moto", 1500, 1, 20, latencyMillis));
            }
            return cases;
        }
        if (quick && accounts == null && regions == null && workers == null) {
            cases.add(new BenchCase("stub", 500, 1, 20, latencyMillis));
            cases.add(new BenchCase("stub", 500, 3, 200, latencyMillis));
            cases.add(new BenchCase("stub", 1500, 3, 1000, latencyMillis));
            return cases;
        }
        for (int a : accounts != null ? accounts : List.of(500, 1500, 5000)) {
            for (int r : regions != null ? regions : List.of(1, 3)) {
                for (int w : workers != null ? workers : List.of(20, 200, 1000)) {
                    cases.add(new BenchCase("stub", a, r, w, latencyMillis));
                }
            }
        }
        return cases;
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }

    private static int nonNegative(String text, String option) {
        try {
            int n = Integer.parseInt(text.trim());
            if (n >= 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(option + " takes a whole number of at least 0, not " + text);
    }

    private static List<Integer> numbers(String text, String option) {
        List<Integer> values = new ArrayList<>();
        for (String part : text.split(",")) {
            try {
                int n = Integer.parseInt(part.trim());
                if (n < 1) {
                    throw new NumberFormatException();
                }
                values.add(n);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(option + " takes positive whole numbers, not " + text);
            }
        }
        return values;
    }
}
