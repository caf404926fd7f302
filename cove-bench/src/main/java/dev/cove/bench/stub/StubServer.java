package dev.cove.bench.stub;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A fast stand-in for STS and Organizations on a loopback port: the JDK's HTTP server with one virtual
 * thread per exchange, so thousands of keep-alive connections and requests can wait out the configured
 * latency without holding a platform thread. SigV4 signatures are accepted, not verified; the access key
 * ID tells who calls. Every request is counted by action in {@link #log()}.
 *
 * <p>Organizations listings come in pages of at most 20 and, by default, every listing of more than one
 * page has one empty page (no items, a {@code NextToken}) right after its first, as AWS "can occasionally
 * return" (https://docs.aws.amazon.com/organizations/latest/APIReference/API_ListAccounts.html). That
 * page is a request like any other: it is counted in {@link #log()}, so it is in every request count and
 * in the benchmark's ideal time; {@link #pages(int)} says how many requests a listing takes.
 */
public final class StubServer implements AutoCloseable {

    static {
        // Read once by the JDK's server: keep every client connection alive (the default closes all but
        // 200 idle ones), and answer without Nagle's delay.
        setIfAbsent("sun.net.httpserver.maxIdleConnections", "100000");
        setIfAbsent("sun.net.httpserver.idleInterval", "600");
        setIfAbsent("sun.net.httpserver.nodelay", "true");
    }

    private final HttpServer server;
    private final ExecutorService executor;
    private final RequestLog log = new RequestLog();
    private final boolean emptyPage;
    private volatile Apis apis;
    private volatile Duration latency;

    private StubServer(SyntheticOrganization organization, Duration latency, boolean emptyPage) throws IOException {
        this.emptyPage = emptyPage;
        this.apis = new Apis(organization, emptyPage);
        this.latency = latency;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 4096);
        this.executor = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("stub-", 0).factory());
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    /**
     * Starts a stub on a free loopback port, with the empty page after the first page of every listing
     * of more than one page.
     *
     * @param organization the organization it serves
     * @param latency the time every request waits before it is answered
     * @return the running stub
     */
    public static StubServer start(SyntheticOrganization organization, Duration latency) {
        return start(organization, latency, true);
    }

    /**
     * Starts a stub on a free loopback port.
     *
     * @param organization the organization it serves
     * @param latency the time every request waits before it is answered
     * @param emptyPage whether every listing of more than one page has an empty page (with a
     *     {@code NextToken}) right after its first
     * @return the running stub
     */
    public static StubServer start(SyntheticOrganization organization, Duration latency, boolean emptyPage) {
        try {
            return new StubServer(organization, latency, emptyPage);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the AWS API stub", e);
        }
    }

    /**
     * Returns how many requests a client that follows every {@code NextToken} makes to list {@code items}
     * items (accounts for {@code ListAccounts}, children for {@code ListChildren}) in pages of 20: the
     * number of pages, the empty page included.
     *
     * @param items the items listed
     * @return 1 for up to 20 items, else ⌈items ÷ 20⌉, plus 1 when this stub sends the empty page
     */
    public int pages(int items) {
        return OrganizationsApi.pages(items, emptyPage);
    }

    /**
     * Returns whether listings of more than one page have an empty page after their first.
     *
     * @return true when they do
     */
    public boolean emptyPage() {
        return emptyPage;
    }

    /**
     * Returns the endpoint to send STS and Organizations requests to.
     *
     * @return {@code http://127.0.0.1:<port>}
     */
    public URI endpoint() {
        InetSocketAddress address = server.getAddress();
        return URI.create("http://" + address.getAddress().getHostAddress() + ":" + address.getPort());
    }

    /**
     * Serves another organization from now on.
     *
     * @param organization the organization
     */
    public void organization(SyntheticOrganization organization) {
        this.apis = new Apis(organization, emptyPage);
    }

    /**
     * Sets the time every request waits before it is answered.
     *
     * @param latency the latency; zero answers at once
     */
    public void latency(Duration latency) {
        this.latency = latency;
    }

    /**
     * Returns the log of served requests.
     *
     * @return the request log
     */
    public RequestLog log() {
        return log;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String accessKey = SessionKeys.accessKeyOfAuthorization(
                    exchange.getRequestHeaders().getFirst("Authorization"));
            String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
            Apis current = apis;
            String action;
            Map<String, String> form = null;
            if (target != null) {
                action = target.startsWith(OrganizationsApi.TARGET_PREFIX)
                        ? target.substring(OrganizationsApi.TARGET_PREFIX.length()) : target;
            } else {
                form = FormBody.parse(body);
                action = form.getOrDefault("Action", "(none)");
            }
            log.started(action, exchange.getRemoteAddress().getPort());
            try {
                pause();
                StubResponse response = target != null
                        ? current.organizations().handle(action, body, SessionKeys.accountOf(accessKey))
                        : current.sts().handle(form, accessKey,
                                exchange.getRequestHeaders().getFirst("X-Amz-Security-Token"));
                send(exchange, response);
            } finally {
                log.finished();
            }
        }
    }

    private void pause() {
        Duration wait = latency;
        if (wait.isZero()) {
            return;
        }
        try {
            Thread.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void send(HttpExchange exchange, StubResponse response) throws IOException {
        var headers = exchange.getResponseHeaders();
        headers.set("Content-Type", response.contentType());
        headers.set("x-amzn-RequestId", RequestIds.next());
        if (response.errorType() != null) {
            headers.set("x-amzn-ErrorType", response.errorType());
        }
        exchange.sendResponseHeaders(response.status(), response.body().length);
        exchange.getResponseBody().write(response.body());
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }

    /** The APIs of one organization. */
    private record Apis(StsApi sts, OrganizationsApi organizations) {

        Apis(SyntheticOrganization organization, boolean emptyPage) {
            this(new StsApi(organization), new OrganizationsApi(organization, emptyPage));
        }
    }
}
