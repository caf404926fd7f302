package dev.cove.cli.exec;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.cove.cli.output.Json;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;

/**
 * A credentials endpoint for the programs {@code cove exec} runs, in the form of the SDKs' container credential
 * provider (https://docs.aws.amazon.com/sdkref/latest/guide/feature-container-credentials.html): each child gets
 * {@code AWS_CONTAINER_CREDENTIALS_FULL_URI} and a token of its own in {@code AWS_CONTAINER_AUTHORIZATION_TOKEN}
 * instead of static keys, and its SDK or AWS CLI asks here whenever its credentials near their expiry. Each
 * answer is the target's role credentials as Cove's self-refreshing provider holds them, refreshed before they
 * expire, so a program may run longer than one role session.
 *
 * <p>It listens on the loopback address only, and answers a request only from a loopback address, on the
 * child's own path, with the child's own token (compared in constant time); a lease ends with its child. Tokens
 * and credentials are never logged.
 */
public final class CredentialServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CredentialServer.class);
    private static final String PATH = "/credentials/";
    private static final int TOKEN_BYTES = 32;
    /** Credentials without an expiry are asked for again after this long. */
    private static final Duration NO_EXPIRY = Duration.ofMinutes(5);

    private final HttpServer server;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final SecureRandom random = new SecureRandom();
    private final AtomicLong ids = new AtomicLong();
    private final Map<String, Lease> leases = new ConcurrentHashMap<>();

    private CredentialServer(HttpServer server) {
        this.server = server;
        server.setExecutor(executor);
        server.createContext(PATH, this::answer);
        server.start();
    }

    /**
     * Starts the endpoint on a free port of the loopback address.
     *
     * @return the running endpoint; close it when the run is over
     * @throws UncheckedIOException when no loopback port can be had
     */
    public static CredentialServer start() {
        try {
            return new CredentialServer(HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                    0));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on a loopback port for --credential-server", e);
        }
    }

    /**
     * Gives one child its own path and token, serving the credentials of its target until the lease is closed.
     *
     * @param credentials the target's self-refreshing role credentials
     * @return the lease: its URI and token go into the child's environment
     */
    public Lease lease(AwsCredentialsProvider credentials) {
        byte[] secret = new byte[TOKEN_BYTES];
        random.nextBytes(secret);
        String id = Long.toString(ids.incrementAndGet());
        Lease lease = new Lease(id, Base64.getUrlEncoder().withoutPadding().encodeToString(secret), credentials);
        leases.put(id, lease);
        return lease;
    }

    private void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!exchange.getRemoteAddress().getAddress().isLoopbackAddress()) {
                reply(exchange, 403, error("AccessDenied", "only this machine may ask"));
                return;
            }
            if (!exchange.getRequestMethod().equals("GET")) {
                reply(exchange, 405, error("MethodNotAllowed", "only GET"));
                return;
            }
            Lease lease = leases.get(exchange.getRequestURI().getPath().substring(PATH.length()));
            String token = exchange.getRequestHeaders().getFirst("Authorization");
            if (lease == null || token == null || !MessageDigest.isEqual(lease.token.getBytes(StandardCharsets.UTF_8),
                    token.getBytes(StandardCharsets.UTF_8))) {
                reply(exchange, 403, error("AccessDenied", "no such lease, or not its token"));
                return;
            }
            AwsCredentials credentials;
            try {
                credentials = lease.credentials.resolveCredentials();
            } catch (RuntimeException e) {
                LOG.debug("Could not refresh credentials for a child: {}", e.toString());
                reply(exchange, 500, error("CredentialsUnavailable", "Cove could not refresh the role's credentials: "
                        + e.getClass().getSimpleName()));
                return;
            }
            reply(exchange, 200, document(credentials));
        }
    }

    /** The container credential provider's answer: AccessKeyId, SecretAccessKey, Token, Expiration. */
    private static ObjectNode document(AwsCredentials credentials) {
        ObjectNode document = Json.object();
        document.put("AccessKeyId", credentials.accessKeyId());
        document.put("SecretAccessKey", credentials.secretAccessKey());
        if (credentials instanceof AwsSessionCredentials session) {
            document.put("Token", session.sessionToken());
        }
        Instant expiration = credentials.expirationTime().orElseGet(() -> Instant.now().plus(NO_EXPIRY));
        document.put("Expiration", DateTimeFormatter.ISO_INSTANT.format(expiration.truncatedTo(ChronoUnit.SECONDS)));
        return document;
    }

    private static ObjectNode error(String code, String message) {
        ObjectNode document = Json.object();
        document.put("code", code);
        document.put("message", message);
        return document;
    }

    private static void reply(HttpExchange exchange, int status, ObjectNode body) throws IOException {
        byte[] bytes = Json.compact(body).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** Stops answering; the children have ended. */
    @Override
    public void close() {
        server.stop(0);
        executor.close();
        leases.clear();
    }

    /** One child's access to its target's credentials, until closed. */
    public final class Lease implements AutoCloseable {

        private final String id;
        private final String token;
        private final AwsCredentialsProvider credentials;

        private Lease(String id, String token, AwsCredentialsProvider credentials) {
            this.id = id;
            this.token = token;
            this.credentials = credentials;
        }

        /**
         * Returns the URI the child asks, for {@code AWS_CONTAINER_CREDENTIALS_FULL_URI}.
         *
         * @return e.g. {@code http://127.0.0.1:41234/credentials/7}
         */
        public URI uri() {
            InetSocketAddress address = server.getAddress();
            String host = address.getAddress() instanceof Inet6Address ? "[" + address.getAddress().getHostAddress()
                    + "]" : address.getAddress().getHostAddress();
            return URI.create("http://" + host + ":" + address.getPort() + PATH + id);
        }

        /**
         * Returns the child's token, for {@code AWS_CONTAINER_AUTHORIZATION_TOKEN}: a secret, never to be printed.
         *
         * @return the token
         */
        public String token() {
            return token;
        }

        /** Ends the lease: the path and token answer no more. */
        @Override
        public void close() {
            leases.remove(id);
        }

        @Override
        public String toString() {
            return "Lease[" + id + "]";
        }
    }
}
