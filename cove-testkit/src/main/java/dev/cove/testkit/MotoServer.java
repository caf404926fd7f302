package dev.cove.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@code moto_server} process bound to a free loopback port.
 *
 * <p>{@link #start()} returns only once the server answers HTTP; {@link #close()} stops the
 * process and its children. A JVM shutdown hook, and a watchdog that ends moto when the JVM's
 * pipe to it closes, make sure no server outlives the test run. Instances are thread-safe.
 */
public final class MotoServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MotoServer.class);
    private static final int START_ATTEMPTS = 3;
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private static volatile MotoServer shared;

    private final MotoProcess process;
    private final URI endpoint;
    private final boolean isShared;
    private final HttpClient http;
    private final Thread shutdownHook;
    private final AtomicBoolean closed = new AtomicBoolean();

    private MotoServer(MotoProcess process, boolean isShared) {
        this.process = process;
        this.endpoint = URI.create("http://127.0.0.1:" + process.port());
        this.isShared = isShared;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        this.shutdownHook = Thread.ofPlatform().name("moto-server-shutdown-" + process.port())
                .unstarted(process::stop);
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /**
     * Starts a new moto server on a free loopback port and waits (up to about 30 s) until it
     * answers.
     *
     * @return the running server, which the caller must close
     * @throws IllegalStateException if moto is not installed or does not start; the message
     *     says how to install it
     */
    public static MotoServer start() {
        return new MotoServer(launch(), false);
    }

    /**
     * Returns the server shared by the whole JVM, starting it on first use.
     *
     * <p>The shared server stops when the JVM exits; calling {@link #close()} on it has no
     * effect. Tests that share it should {@link #reset()} between tests.
     *
     * @return the shared server
     * @throws IllegalStateException if moto is not installed or does not start
     */
    public static MotoServer shared() {
        MotoServer server = shared;
        if (server == null) {
            synchronized (MotoServer.class) {
                server = shared;
                if (server == null) {
                    server = new MotoServer(launch(), true);
                    shared = server;
                }
            }
        }
        return server;
    }

    private static MotoProcess launch() {
        Path logDir = MotoProcess.defaultLogDirectory();
        IllegalStateException last = null;
        for (int attempt = 1; attempt <= START_ATTEMPTS; attempt++) {
            try {
                return MotoProcess.launch(logDir);
            } catch (MotoProcess.PortTakenException e) {
                last = new IllegalStateException(e.getMessage(), e);
                LOG.debug("moto could not bind its port (attempt {}), retrying", attempt);
            }
        }
        throw last;
    }

    /**
     * Returns the base URI of the server, e.g. {@code http://127.0.0.1:54321}.
     *
     * @return the endpoint
     */
    public URI endpoint() {
        return endpoint;
    }

    /**
     * Returns the loopback port the server listens on.
     *
     * @return the port
     */
    public int port() {
        return process.port();
    }

    /**
     * Returns the file that receives the server's output.
     *
     * @return the log file, under {@code target/} or the temporary directory
     */
    public Path logFile() {
        return process.logFile();
    }

    /**
     * Deletes every resource in every account ({@code POST /moto-api/reset}).
     *
     * @throws IllegalStateException if the server does not confirm the reset
     */
    public void reset() {
        post("/moto-api/reset");
    }

    /**
     * Seeds moto's random generator so the ids it creates next (accounts, OUs, keys) repeat
     * from run to run ({@code POST /moto-api/seed?a=seed}).
     *
     * @param seed the seed
     */
    public void seed(int seed) {
        post("/moto-api/seed?a=" + seed);
    }

    private void post(String pathAndQuery) {
        requireOpen();
        HttpRequest request = HttpRequest.newBuilder(endpoint.resolve(pathAndQuery))
                .timeout(REQUEST_TIMEOUT)
                .POST(HttpRequest.BodyPublishers.noBody())
                .build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException("POST " + pathAndQuery + " to moto at " + endpoint
                    + " failed; see " + logFile(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during POST " + pathAndQuery, e);
        }
        if (response.statusCode() != 200) {
            throw new IllegalStateException("POST " + pathAndQuery + " to moto at " + endpoint
                    + " answered HTTP " + response.statusCode() + ": " + response.body());
        }
    }

    private void requireOpen() {
        if (closed.get()) {
            throw new IllegalStateException("moto server at " + endpoint + " is closed");
        }
    }

    /**
     * Stops the server and its child processes and waits for them to exit. Idempotent; has no
     * effect on the {@link #shared()} server.
     */
    @Override
    public void close() {
        if (isShared || !closed.compareAndSet(false, true)) {
            return;
        }
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or about to run and stops the process itself
        }
        process.stop();
        http.close();
    }

    @Override
    public String toString() {
        return "MotoServer[" + endpoint + (isShared ? ", shared" : "") + "]";
    }
}
