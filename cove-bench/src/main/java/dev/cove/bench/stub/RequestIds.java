package dev.cove.bench.stub;

import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/** Request IDs in AWS's UUID form, from a counter: unique per stub, and free of {@code SecureRandom}. */
final class RequestIds {

    private static final AtomicLong NEXT = new AtomicLong(System.nanoTime());

    private RequestIds() {
    }

    /**
     * Returns a new request ID.
     *
     * @return a UUID-shaped ID
     */
    static String next() {
        long n = NEXT.incrementAndGet();
        return new UUID(0x5354554200004000L | (n >>> 48), 0x8000000000000000L | (n & 0xFFFFFFFFFFFFL)).toString();
    }
}
