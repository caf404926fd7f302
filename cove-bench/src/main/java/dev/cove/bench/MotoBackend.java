package dev.cove.bench;

import dev.cove.bench.stub.RequestLog;
import dev.cove.testkit.Fault;
import dev.cove.testkit.FaultProxy;
import dev.cove.testkit.FaultRule;
import dev.cove.testkit.Moto;
import dev.cove.testkit.MotoServer;
import dev.cove.testkit.OrgFixture;
import dev.cove.testkit.OrganizationBuilder;
import dev.cove.testkit.RecordedRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * moto behind the test kit's fault proxy: an organization of N accounts in OUs nested three deep, built
 * in moto through the SDK, and a proxy that adds the latency to every request and tells moto each
 * request's account ({@code x-moto-account-id}), learned from AssumeRole answers, so that moto does not
 * search every account for the caller's key.
 */
public final class MotoBackend implements Backend {

    /** OU levels below the root. */
    static final int DEPTH = 3;

    private MotoServer moto;
    private FaultProxy proxy;
    private int accounts = -1;

    /** Creates the backend; moto starts on the first {@link #prepare}. */
    public MotoBackend() {
    }

    @Override
    public Connection prepare(int accounts, Duration latency) {
        if (moto == null) {
            moto = MotoServer.start();
            proxy = FaultProxy.builder(moto.endpoint()).learnMotoAccounts(true).start();
        }
        if (accounts != this.accounts) {
            moto.reset();
            long start = System.nanoTime();
            OrgFixture org = OrganizationBuilder.on(moto.endpoint()).spread(accounts, DEPTH).build();
            System.out.printf(Locale.ROOT, "Built an organization of %d member accounts in moto in %.1f s%n",
                    org.memberIds().size(), (System.nanoTime() - start) / 1e9);
            this.accounts = accounts;
        }
        proxy.clearRules();
        if (!latency.isZero()) {
            proxy.addRule(FaultRule.onAnyAction().then(Fault.latency(latency)));
        }
        proxy.clear();
        return new Connection(proxy.endpoint(), Moto.ACCESS_KEY_ID, "testing");
    }

    @Override
    public RequestLog.Snapshot requests() {
        List<RecordedRequest> recorded = proxy.requests();
        Map<String, Long> counts = new TreeMap<>();
        Instant first = null;
        Instant firstAssumeRole = null;
        Instant last = null;
        for (RecordedRequest r : recorded) {
            counts.merge(r.action(), 1L, Long::sum);
            first = first == null || r.at().isBefore(first) ? r.at() : first;
            last = last == null || r.at().isAfter(last) ? r.at() : last;
            if (r.action().equals("AssumeRole") && (firstAssumeRole == null || r.at().isBefore(firstAssumeRole))) {
                firstAssumeRole = r.at();
            }
        }
        double discovery = first == null || firstAssumeRole == null ? 0
                : Duration.between(first, firstAssumeRole).toNanos() / 1e9;
        double active = first == null ? 0 : Duration.between(first, last).toNanos() / 1e9;
        // The proxy records arrivals only: in-flight counts and connections are not known here.
        return new RequestLog.Snapshot(counts, discovery, active, 0, 0, 0);
    }

    @Override
    public double cpuSeconds() {
        double cpu = ProcStats.cpuSecondsOf(ProcessHandle.current().pid());
        for (ProcessHandle p : (Iterable<ProcessHandle>) ProcessHandle.allProcesses()::iterator) {
            String commandLine = p.info().commandLine().orElse("");
            if (commandLine.contains("moto_server") && commandLine.contains(" " + moto.port())) {
                cpu += ProcStats.cpuSecondsOf(p.pid());
            }
        }
        return cpu;
    }

    @Override
    public String describe() {
        return "moto_server behind the test kit's FaultProxy (latency on every request, learnMotoAccounts(true)); "
                + "organization of N members built with OrganizationBuilder.spread(N, " + DEPTH + ") (fan-out "
                + OrganizationBuilder.DEFAULT_FAN_OUT + "); moto's ListAccounts pages hold 100 accounts";
    }

    @Override
    public void close() {
        if (proxy != null) {
            proxy.close();
        }
        if (moto != null) {
            moto.close();
        }
    }
}
