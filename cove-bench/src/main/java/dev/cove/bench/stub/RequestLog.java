package dev.cove.bench.stub;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * What the stub has served since the last reset: requests per action, the time of the first request and
 * of the first {@code AssumeRole} (the end of discovery), how many requests were in flight at once (peak
 * and time-weighted average), and how many distinct client connections were seen.
 */
public final class RequestLog {

    private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();
    private final Set<Integer> clientPorts = ConcurrentHashMap.newKeySet();
    private final Object lock = new Object();
    // guarded by lock
    private long firstRequest;
    private long firstAssumeRole;
    private long lastResponse;
    private int inFlight;
    private int peakInFlight;
    private long lastChange;
    private double inFlightIntegral;

    /** Creates an empty log. */
    public RequestLog() {
    }

    /** Forgets everything served so far. */
    public void reset() {
        counts.clear();
        clientPorts.clear();
        synchronized (lock) {
            firstRequest = 0;
            firstAssumeRole = 0;
            lastResponse = 0;
            inFlight = 0;
            peakInFlight = 0;
            lastChange = 0;
            inFlightIntegral = 0;
        }
    }

    /**
     * Records a request's arrival.
     *
     * @param action the API action, e.g. {@code AssumeRole}
     * @param clientPort the client's port, which identifies its connection
     */
    void started(String action, int clientPort) {
        counts.computeIfAbsent(action, a -> new LongAdder()).increment();
        clientPorts.add(clientPort);
        long now = System.nanoTime();
        synchronized (lock) {
            if (firstRequest == 0) {
                firstRequest = now;
            }
            if (firstAssumeRole == 0 && "AssumeRole".equals(action)) {
                firstAssumeRole = now;
            }
            advance(now);
            inFlight++;
            peakInFlight = Math.max(peakInFlight, inFlight);
        }
    }

    /** Records a response's departure. */
    void finished() {
        long now = System.nanoTime();
        synchronized (lock) {
            advance(now);
            inFlight--;
            lastResponse = now;
        }
    }

    private void advance(long now) {
        if (lastChange != 0) {
            inFlightIntegral += (double) inFlight * (now - lastChange);
        }
        lastChange = now;
    }

    /**
     * Returns what was served since the last reset.
     *
     * @return a snapshot
     */
    public Snapshot snapshot() {
        Map<String, Long> byAction = new TreeMap<>();
        counts.forEach((action, n) -> byAction.put(action, n.sum()));
        synchronized (lock) {
            long span = lastResponse - firstRequest;
            double discovery = firstAssumeRole == 0 ? 0 : (firstAssumeRole - firstRequest) / 1e9;
            double average = span <= 0 ? 0 : inFlightIntegral / span;
            return new Snapshot(byAction, discovery, span / 1e9, peakInFlight, average, clientPorts.size());
        }
    }

    /**
     * What the stub served.
     *
     * @param requestsByAction requests per API action
     * @param discoverySeconds from the first request to the first {@code AssumeRole}
     * @param activeSeconds from the first request to the last response
     * @param peakInFlight the most requests in flight at once
     * @param averageInFlight requests in flight, averaged over the active time
     * @param connections distinct client connections (by client port)
     */
    public record Snapshot(Map<String, Long> requestsByAction, double discoverySeconds, double activeSeconds,
            int peakInFlight, double averageInFlight, int connections) {

        /**
         * Returns the requests of one action.
         *
         * @param action the action
         * @return the count, 0 when none
         */
        public long requests(String action) {
            return requestsByAction.getOrDefault(action, 0L);
        }

        /**
         * Returns every request.
         *
         * @return the total
         */
        public long totalRequests() {
            return requestsByAction.values().stream().mapToLong(Long::longValue).sum();
        }
    }
}
