package dev.cove.bench;

import dev.cove.bench.stub.RequestLog;
import java.net.URI;
import java.time.Duration;

/** Where a benchmark's AWS calls go: an organization of a given size behind a given latency. */
public interface Backend extends AutoCloseable {

    /**
     * Prepares an organization of {@code accounts} member accounts behind {@code latency}, and forgets the
     * requests counted so far.
     *
     * @param accounts member accounts
     * @param latency latency per request
     * @return where and how to call it
     * @throws Exception when the backend cannot be prepared
     */
    Connection prepare(int accounts, Duration latency) throws Exception;

    /**
     * Returns what was served since {@link #prepare}.
     *
     * @return requests per action and timing
     */
    RequestLog.Snapshot requests();

    /**
     * Returns the CPU time the backend's processes (the harness itself, and moto) have used so far.
     *
     * @return seconds
     */
    double cpuSeconds();

    /**
     * Describes the backend for the report.
     *
     * @return one line
     */
    String describe();

    @Override
    void close();

    /**
     * How to call a backend.
     *
     * @param endpoint the endpoint override
     * @param accessKeyId the management account's access key ID
     * @param secretAccessKey its secret key
     */
    record Connection(URI endpoint, String accessKeyId, String secretAccessKey) {
    }
}
