package dev.cove.bench;

import dev.cove.bench.stub.RequestLog;
import dev.cove.bench.stub.StubServer;
import dev.cove.bench.stub.SyntheticOrganization;
import java.time.Duration;

/** The fast AWS API stub, serving a synthetic organization with OUs nested three deep. */
public final class StubBackend implements Backend {

    /** OU levels below the root. */
    static final int DEPTH = 3;
    /** OUs per parent. */
    static final int FAN_OUT = 3;

    private StubServer server;
    private int accounts = -1;

    /** Creates the backend; the stub starts on the first {@link #prepare}. */
    public StubBackend() {
    }

    @Override
    public Connection prepare(int accounts, Duration latency) {
        if (server == null) {
            server = StubServer.start(new SyntheticOrganization(accounts, DEPTH, FAN_OUT), latency);
        } else if (accounts != this.accounts) {
            server.organization(new SyntheticOrganization(accounts, DEPTH, FAN_OUT));
        }
        this.accounts = accounts;
        server.latency(latency);
        server.log().reset();
        return new Connection(server.endpoint(), "AKIABENCHMANAGEMENT1", "bench-secret-not-checked");
    }

    @Override
    public RequestLog.Snapshot requests() {
        return server.log().snapshot();
    }

    @Override
    public double cpuSeconds() {
        return ProcStats.cpuSecondsOf(ProcessHandle.current().pid());
    }

    @Override
    public String describe() {
        return "AWS API stub (JDK HttpServer, one virtual thread per exchange), organization of N members + the "
                + "management account in " + (FAN_OUT + FAN_OUT * FAN_OUT + FAN_OUT * FAN_OUT * FAN_OUT)
                + " OUs nested " + DEPTH + " deep, pages of at most 20 with one empty page (and a NextToken) after the"
                + " first page of every listing, counted as a request; accounts carry State, not Status";
    }

    @Override
    public void close() {
        if (server != null) {
            server.close();
        }
    }
}
