package dev.cove.bench;

import dev.cove.bench.stub.RequestLog;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Everything measured of one run, and what follows from it.
 *
 * @param benchCase the configuration
 * @param reported what the runner reported (see {@code BenchRunner})
 * @param process what {@code /proc} said of the child JVM
 * @param threads the child's CPU time by kind of thread
 * @param requests what the backend served
 * @param profile the run's JFR recording, or null
 * @param backendCpuSeconds CPU time of the backend during the run: the harness process (stub or proxy), and moto
 * @param loadBefore the one-minute load average just before the run
 * @param busyBefore the share of processor time busy in the five seconds before the run, -1 if unknown
 */
public record BenchResult(BenchCase benchCase, Map<String, String> reported, ProcStats process,
        ThreadCpu threads, RequestLog.Snapshot requests, Path profile, double backendCpuSeconds, double loadBefore,
        double busyBefore) {

    private static final double MB = 1024.0 * 1024.0;

    /**
     * Returns the wall time of {@code Cove.run}.
     *
     * @return seconds
     */
    public double wallSeconds() {
        return number("wallSeconds");
    }

    /**
     * Returns the time from the start of {@code Cove.run} to the first outcome its listener received.
     *
     * @return seconds
     */
    public double firstResultSeconds() {
        return number("firstResultSeconds");
    }

    /**
     * Returns the Organizations requests the backend served other than {@code ListAccounts}: roots, OUs, the
     * accounts of each OU.
     *
     * @return requests
     */
    public long otherOrganizationsRequests() {
        return requests.requests("ListRoots") + requests.requests("ListChildren")
                + requests.requests("ListOrganizationalUnitsForParent") + requests.requests("ListAccountsForParent")
                + requests.requests("DescribeOrganization");
    }

    /**
     * Returns the ideal (SPEC §6): the larger of every request's latency spread over the workers and the
     * longest chain of requests that must wait for one another ({@link #chainSeconds()}), since no scheduler
     * can beat either. The requests are those the backend served, so the stub's empty listing pages are
     * counted like any other page.
     *
     * @return max(requests × latency ÷ workers, chain), in seconds
     */
    public double idealSeconds() {
        return Math.max(requests.totalRequests() * latency() / benchCase.workers(), chainSeconds());
    }

    /**
     * Returns the latency of the longest chain of requests that must wait for one another: the caller's
     * identity, the {@code ListAccounts} pages served (each needs the previous page's {@code NextToken}), then,
     * when the OU tree was listed, {@code ListRoots}, one {@code ListOrganizationalUnitsForParent} per OU level
     * above the deepest OUs and the pages of one deepest OU's accounts, and finally the last account's
     * {@code AssumeRole} and its function's call.
     *
     * @return the chain's latency, in seconds
     */
    public double chainSeconds() {
        long after = 2; // the last account's AssumeRole, then its function's call
        if (requests.requests("ListAccountsForParent") > 0 && "stub".equals(benchCase.backend())) {
            int parents = 1;
            for (int level = 1, width = 1; level <= StubBackend.DEPTH; level++) {
                width *= StubBackend.FAN_OUT;
                parents += width;
            }
            int perParent = (benchCase.accounts() + parents - 1) / parents; // members spread round-robin
            long pages = (perParent + 19) / 20 + (perParent > 20 ? 1 : 0); // and one empty page when paged
            after += 1 + StubBackend.DEPTH + pages;
        }
        return listingChainSeconds() + after * latency();
    }

    /**
     * Returns the latency of the longest chain of dependent requests: the caller's identity, then every
     * {@code ListAccounts} page one after another, each needing the previous page's {@code NextToken}. No
     * function can run in the last accounts before it ends. Counted from the pages the backend served, so
     * an empty page with a {@code NextToken} (the stub sends one per listing of more than one page)
     * lengthens it by one latency, as it lengthens the run.
     *
     * @return (1 + ListAccounts requests) × latency, in seconds
     */
    public double listingChainSeconds() {
        return (1 + requests.requests("ListAccounts")) * latency();
    }

    /**
     * Returns ideal ÷ measured.
     *
     * @return the efficiency, 1 at the ideal
     */
    public double efficiency() {
        return idealSeconds() / wallSeconds();
    }

    /**
     * Returns the requests of the targets themselves: every {@code AssumeRole} and the function's calls.
     *
     * @return AssumeRole requests plus one request per target
     */
    public long targetRequests() {
        return requests.requests("AssumeRole") + benchCase.targets();
    }

    /**
     * Returns the requests that discovered the organization (everything but the targets' requests).
     *
     * @return discovery requests
     */
    public long discoveryRequests() {
        return requests.totalRequests() - targetRequests();
    }

    /**
     * Returns the efficiency of the part after discovery: the targets' requests' ideal over the time left
     * once the first role was assumed.
     *
     * @return the efficiency after discovery
     */
    public double executionEfficiency() {
        double ideal = targetRequests() * latency() / benchCase.workers();
        return ideal / (wallSeconds() - requests.discoverySeconds());
    }

    /**
     * Returns the CPU time of {@code Cove.run} per target.
     *
     * @return milliseconds
     */
    public double cpuMillisPerTarget() {
        return number("runCpuSeconds") * 1000 / benchCase.targets();
    }

    /**
     * Returns whether every target answered its own account.
     *
     * @return true when the run was correct
     */
    public boolean correct() {
        return number("results") == benchCase.targets() && number("wrongAccount") == 0;
    }

    private double latency() {
        return benchCase.latencyMillis() / 1000.0;
    }

    private double number(String key) {
        String value = reported.get(key);
        return value == null ? Double.NaN : Double.parseDouble(value);
    }

    /**
     * Returns the result as named values, for the CSV file.
     *
     * @return column name to value
     */
    public Map<String, Object> columns() {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("backend", benchCase.backend());
        c.put("accounts", benchCase.accounts());
        c.put("regions", benchCase.regions());
        c.put("workers", benchCase.workers());
        c.put("latency_ms", benchCase.latencyMillis());
        c.put("targets", benchCase.targets());
        c.put("correct", correct());
        c.put("wall_s", round(wallSeconds(), 3));
        c.put("first_result_s", round(firstResultSeconds(), 3));
        c.put("discovery_s", round(requests.discoverySeconds(), 3));
        c.put("targets_call_s", reported.get("targetsSeconds"));
        c.put("requests", requests.totalRequests());
        c.put("assume_role", requests.requests("AssumeRole"));
        c.put("get_caller_identity", requests.requests("GetCallerIdentity"));
        c.put("list_accounts", requests.requests("ListAccounts"));
        c.put("list_children", requests.requests("ListChildren"));
        c.put("list_accounts_for_parent", requests.requests("ListAccountsForParent"));
        c.put("list_ous_for_parent", requests.requests("ListOrganizationalUnitsForParent"));
        c.put("other_organizations", otherOrganizationsRequests());
        c.put("other_requests", requests.totalRequests() - requests.requests("AssumeRole")
                - requests.requests("GetCallerIdentity") - requests.requests("ListAccounts")
                - otherOrganizationsRequests());
        c.put("ideal_s", round(idealSeconds(), 3));
        c.put("efficiency", round(efficiency(), 3));
        c.put("efficiency_after_discovery", round(executionEfficiency(), 3));
        c.put("listing_chain_s", round(listingChainSeconds(), 3));
        c.put("chain_s", round(chainSeconds(), 3));
        c.put("peak_in_flight", requests.peakInFlight());
        c.put("avg_in_flight", round(requests.averageInFlight(), 1));
        c.put("connections", requests.connections());
        c.put("peak_heap_mb", round(number("peakHeapBytes") / MB, 1));
        c.put("pool_peaks_mb", round(number("poolPeakBytes") / MB, 1));
        c.put("retained_heap_mb", round(number("retainedHeapBytes") / MB, 1));
        c.put("peak_rss_mb", round(process.peakRssBytes() / MB, 1));
        c.put("run_cpu_s", round(number("runCpuSeconds"), 3));
        c.put("jvm_cpu_s", round(process.cpuSeconds(), 2));
        c.put("cpu_ms_per_target", round(cpuMillisPerTarget(), 3));
        c.put("jit_cpu_s", round(threads.jitSeconds(), 2));
        c.put("gc_vm_cpu_s", round(threads.gcSeconds(), 2));
        c.put("carrier_cpu_s", round(threads.carrierSeconds(), 2));
        c.put("main_cpu_s", round(threads.mainSeconds(), 2));
        c.put("other_thread_cpu_s", round(threads.otherSeconds(), 2));
        c.put("backend_cpu_s", round(backendCpuSeconds, 2));
        c.put("gc_ms", reported.get("gcMillis"));
        c.put("jvm_startup_ms", reported.get("startupMillis"));
        c.put("threads_at_end", process.threads());
        c.put("load_before", loadBefore);
        c.put("busy_before", round(busyBefore, 2));
        c.put("failures", (long) (number("exceptions") + number("failedAssumeRole")));
        c.put("first_error", reported.get("firstError"));
        return c;
    }

    static double round(double value, int digits) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return value;
        }
        double scale = Math.pow(10, digits);
        return Math.round(value * scale) / scale;
    }
}
