package dev.cove.cli.exec;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Reads one output stream of a child process to its end, on a thread of its own, keeping the first
 * {@code limit} bytes and counting the rest. It reads continuously, so the child never blocks on a full
 * pipe, and memory stays bounded whatever the child prints.
 */
final class BoundedCapture {

    private static final int CHUNK = 8192;

    private final InputStream in;
    private final int limit;
    private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
    private final CountDownLatch ended = new CountDownLatch(1);
    private long dropped;

    private BoundedCapture(InputStream in, int limit) {
        this.in = in;
        this.limit = limit;
    }

    /**
     * Starts reading the stream on a daemon platform thread (a blocking pipe read would pin a virtual one).
     *
     * @param in the stream, e.g. {@code process.getInputStream()}
     * @param limit how many bytes to keep
     * @param name the thread's name
     * @return the running capture
     */
    static BoundedCapture start(InputStream in, int limit, String name) {
        BoundedCapture capture = new BoundedCapture(in, limit);
        Thread.ofPlatform().daemon().name(name).stackSize(256 * 1024).start(capture::drain);
        return capture;
    }

    private void drain() {
        byte[] buffer = new byte[CHUNK];
        try (in) {
            int n;
            while ((n = in.read(buffer)) != -1) {
                append(buffer, n);
            }
        } catch (IOException closed) {
            // the stream was closed under us: keep what was read
        } finally {
            ended.countDown();
        }
    }

    private synchronized void append(byte[] buffer, int n) {
        int room = Math.max(0, limit - kept.size());
        int keep = Math.min(room, n);
        kept.write(buffer, 0, keep);
        dropped += n - keep;
    }

    /**
     * Waits until the stream has ended (the child and every process holding the pipe have closed it).
     *
     * @param timeout how long to wait at most
     * @return true when the stream ended in time
     * @throws InterruptedException when interrupted while waiting
     */
    boolean awaitEnd(Duration timeout) throws InterruptedException {
        return ended.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Returns the kept bytes as text, decoded as UTF-8.
     *
     * @return the text read so far, up to the limit
     */
    synchronized String text() {
        return kept.toString(StandardCharsets.UTF_8);
    }

    /**
     * Returns how many bytes were read beyond the limit and dropped.
     *
     * @return the number of dropped bytes
     */
    synchronized long droppedBytes() {
        return dropped;
    }
}
