package dev.cove.bench.stub;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Measures what the stub itself can take: {@code connections} keep-alive connections, each sending
 * {@code requests} {@code GetCallerIdentity} requests one after another from a virtual thread over a raw
 * socket (so the client costs little), against the configured latency. Prints the throughput, how close
 * it came to the latency-bound ideal, and the process's CPU per request (client and stub together).
 * Usage: {@code StubCapacity [connections] [requests] [latencyMillis]}.
 */
public final class StubCapacity {

    private StubCapacity() {
    }

    /**
     * Runs the measurement.
     *
     * @param args connections (default 2000), requests per connection (default 20), latency (default 50)
     * @throws Exception when a connection fails
     */
    public static void main(String[] args) throws Exception {
        int connections = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        int requests = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        int latency = args.length > 2 ? Integer.parseInt(args[2]) : 50;
        try (StubServer stub = StubServer.start(new SyntheticOrganization(10, 1, 1), Duration.ofMillis(latency))) {
            byte[] request = request(stub.endpoint());
            for (int round = 0; round < 2; round++) {
                stub.log().reset();
                long cpu = cpuNanos();
                long start = System.nanoTime();
                try (ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
                    List<Future<?>> done = new ArrayList<>();
                    for (int c = 0; c < connections; c++) {
                        done.add(clients.submit(() -> connection(stub.endpoint(), request, requests)));
                    }
                    for (Future<?> f : done) {
                        f.get();
                    }
                }
                double seconds = (System.nanoTime() - start) / 1e9;
                double cpuSeconds = (cpuNanos() - cpu) / 1e9;
                RequestLog.Snapshot served = stub.log().snapshot();
                long total = served.totalRequests();
                double ideal = (double) requests * latency / 1000;
                System.out.printf(Locale.ROOT, "%s: %d connections x %d requests: %d requests in %.2f s = %.0f/s; "
                                + "ideal %.2f s (efficiency %.2f); peak in flight %d; connections seen %d; "
                                + "CPU %.1f us/request (client + stub)%n",
                        round == 0 ? "warm-up" : "measured", connections, requests, total, seconds, total / seconds,
                        ideal, ideal / seconds, served.peakInFlight(), served.connections(),
                        cpuSeconds * 1e6 / total);
            }
        }
    }

    private static byte[] request(URI endpoint) {
        String body = "Action=GetCallerIdentity&Version=2011-06-15";
        return ("POST / HTTP/1.1\r\n"
                + "Host: " + endpoint.getHost() + ":" + endpoint.getPort() + "\r\n"
                + "Content-Type: application/x-www-form-urlencoded; charset=utf-8\r\n"
                + "Authorization: AWS4-HMAC-SHA256 Credential=AKIABENCH/20250101/us-east-1/sts/aws4_request, "
                + "SignedHeaders=host, Signature=0\r\n"
                + "Content-Length: " + body.length() + "\r\n\r\n" + body).getBytes(StandardCharsets.US_ASCII);
    }

    private static Void connection(URI endpoint, byte[] request, int requests) {
        try (Socket socket = new Socket(endpoint.getHost(), endpoint.getPort())) {
            socket.setTcpNoDelay(true);
            OutputStream out = socket.getOutputStream();
            InputStream in = new BufferedInputStream(socket.getInputStream());
            for (int i = 0; i < requests; i++) {
                out.write(request);
                out.flush();
                readResponse(in);
            }
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void readResponse(InputStream in) throws IOException {
        int length = -1;
        StringBuilder line = new StringBuilder();
        while (true) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("connection closed by the stub");
            }
            if (b == '\n') {
                String header = line.toString().trim();
                line.setLength(0);
                if (header.isEmpty()) {
                    break;
                }
                if (header.regionMatches(true, 0, "Content-Length:", 0, 15)) {
                    length = Integer.parseInt(header.substring(15).trim());
                }
            } else {
                line.append((char) b);
            }
        }
        if (length < 0 || in.readNBytes(length).length != length) {
            throw new IOException("bad response body");
        }
    }

    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }
}
