package dev.cove.bench.runner;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;

/**
 * Watches the heap while a run goes on: samples the used heap every few milliseconds on a platform
 * daemon thread and keeps the largest sample. The JVM's own per-pool peaks are read too; their sum can
 * exceed the true peak, because pools peak at different times.
 */
final class HeapSampler implements AutoCloseable {

    private static final long PERIOD_MILLIS = 5;

    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final Thread thread;
    private volatile boolean running = true;
    private volatile long peakUsed;

    private HeapSampler() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            pool.resetPeakUsage();
        }
        thread = Thread.ofPlatform().daemon().name("heap-sampler").start(this::sample);
    }

    /**
     * Starts sampling.
     *
     * @return the running sampler
     */
    static HeapSampler start() {
        return new HeapSampler();
    }

    private void sample() {
        while (running) {
            peakUsed = Math.max(peakUsed, memory.getHeapMemoryUsage().getUsed());
            try {
                Thread.sleep(PERIOD_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /**
     * Returns the largest used heap sampled.
     *
     * @return bytes
     */
    long peakUsed() {
        return Math.max(peakUsed, memory.getHeapMemoryUsage().getUsed());
    }

    /**
     * Returns the sum of the heap pools' peak usage since the sampler started.
     *
     * @return bytes
     */
    static long poolPeaks() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum;
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
    }
}
