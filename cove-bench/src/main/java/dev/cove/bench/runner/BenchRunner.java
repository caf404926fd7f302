package dev.cove.bench.runner;

import dev.cove.Cove;
import dev.cove.CoveFunction;
import dev.cove.CoveListener;
import dev.cove.CoveOutput;
import dev.cove.CoveResult;
import dev.cove.bench.Json;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.ref.Reference;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * The child JVM of one benchmark run: runs {@code sts:GetCallerIdentity} through Cove in every target,
 * checks that each target answered its own account, prints one result line (prefix {@link #RESULT_PREFIX},
 * then a flat JSON object), and waits for a line on standard input before it exits, so that the harness
 * can read the process's peak RSS and CPU time from {@code /proc} first.
 */
public final class BenchRunner {

    /** Starts the result line on standard output. */
    public static final String RESULT_PREFIX = "COVE-BENCH-RESULT ";

    private BenchRunner() {
    }

    /**
     * Runs one benchmark; see {@link RunnerSettings} for the arguments.
     *
     * @param args {@code key=value} arguments
     * @throws IOException when standard input fails
     */
    public static void main(String[] args) throws IOException {
        long startupMillis = ManagementFactory.getRuntimeMXBean().getUptime();
        RunnerSettings settings = RunnerSettings.parse(args);
        Cove cove = Cove.builder()
                .endpointOverride(settings.endpoint())
                .assumingCredentials(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(settings.accessKeyId(), settings.secretAccessKey())))
                .assumingRegion(Region.US_EAST_1)
                .regions(settings.regions())
                .threadWorkers(settings.workers())
                .progress(false)
                .build();

        Map<String, Object> result = new LinkedHashMap<>();
        result.put("startupMillis", startupMillis);
        if (settings.timeTargets()) {
            long t = System.nanoTime();
            int targets = cove.targets().size();
            result.put("targetsSeconds", (System.nanoTime() - t) / 1e9);
            result.put("targetsListed", targets);
        }
        long cpuBefore = processCpuNanos();
        long gcBefore = gcMillis();
        CoveOutput<String> output = null;
        Tally tally = new Tally();
        long wallNanos;
        long peakHeap;
        long poolPeaks;
        try (HeapSampler heap = HeapSampler.start()) {
            long t0 = System.nanoTime();
            CoveFunction<String> callerAccount = session -> session.client(StsClient.builder()).getCallerIdentity()
                    .account();
            tally.startedAt(t0);
            if (settings.stream()) {
                cove.stream(callerAccount, tally); // checked and counted as they come, none kept
            } else {
                FirstResult first = new FirstResult(t0);
                output = cove.run(callerAccount, first);
                tally.firstResultNanos = first.nanos;
                output.results().forEach(tally::onResult);
                output.exceptions().forEach(tally::onResult);
                output.failedAssumeRole().forEach(tally::onResult);
            }
            wallNanos = System.nanoTime() - t0;
            peakHeap = heap.peakUsed();
            poolPeaks = HeapSampler.poolPeaks();
        }
        long cpuNanos = processCpuNanos() - cpuBefore;
        result.put("wallSeconds", wallNanos / 1e9);
        result.put("runCpuSeconds", cpuNanos / 1e9);
        result.put("gcMillis", gcMillis() - gcBefore);
        result.put("peakHeapBytes", peakHeap);
        result.put("poolPeakBytes", poolPeaks);
        tally.addTo(result, settings);
        System.gc();
        // The output is still held here, so this is what the results themselves keep (nothing when streaming).
        result.put("retainedHeapBytes", ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        Reference.reachabilityFence(output);
        result.put("totalCpuSeconds", processCpuNanos() / 1e9);
        System.out.println(RESULT_PREFIX + Json.MAPPER.writeValueAsString(result));
        System.out.flush();
        // Keep the process (and its output) alive until the harness has read /proc.
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
    }

    /** Notes when the first outcome reached the listener, counted from the start of the run. */
    private static final class FirstResult implements CoveListener<String> {

        private final long t0;
        private long nanos = -1;

        FirstResult(long t0) {
            this.t0 = t0;
        }

        @Override
        public void onResult(CoveResult<String> r) {
            if (nanos < 0) {
                nanos = System.nanoTime() - t0;
            }
        }
    }

    /** Counts the outcomes, and the results that are not their target's own account. */
    private static final class Tally implements CoveListener<String> {

        private long t0;
        private long firstResultNanos = -1;

        private int results;
        private int exceptions;
        private int failedAssumeRole;
        private int wrongAccount;
        private String firstError;

        void startedAt(long nanos) {
            t0 = nanos;
        }

        @Override
        public void onResult(CoveResult<String> r) {
            if (firstResultNanos < 0) {
                firstResultNanos = System.nanoTime() - t0;
            }
            switch (r.outcome()) {
                case RESULT -> {
                    results++;
                    if (!r.id().equals(r.result())) {
                        wrongAccount++;
                    }
                }
                case EXCEPTION -> exceptions++;
                case FAILED_ASSUME_ROLE -> failedAssumeRole++;
                default -> {
                    // a run that is not stopped has neither interrupted nor skipped targets
                }
            }
            if (r.exception() != null && firstError == null) {
                firstError = r.exception().toString();
            }
        }

        void addTo(Map<String, Object> result, RunnerSettings settings) {
            result.put("targets", results + exceptions + failedAssumeRole);
            result.put("expectedTargets", settings.accounts() * settings.regions().size());
            result.put("results", results);
            result.put("exceptions", exceptions);
            result.put("failedAssumeRole", failedAssumeRole);
            result.put("wrongAccount", wrongAccount);
            result.put("firstError", firstError);
            result.put("firstResultSeconds", firstResultNanos / 1e9);
        }
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static long gcMillis() {
        long sum = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            sum += Math.max(0, gc.getCollectionTime());
        }
        return sum;
    }
}
