package dev.cove.bench;

import dev.cove.bench.stub.RequestLog;
import java.time.Duration;

/** moto behind the latency proxy. */
public final class MotoBackend implements Backend {

    /** Creates the backend. */
    public MotoBackend() {
    }

    @Override
    public Connection prepare(int accounts, Duration latency) {
        throw new UnsupportedOperationException("moto backend not ready");
    }

    @Override
    public RequestLog.Snapshot requests() {
        throw new UnsupportedOperationException();
    }

    @Override
    public String describe() {
        return "moto";
    }

    @Override
    public void close() {
    }
}
