package dev.cove.testkit;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An HTTP/1.1 reverse proxy on a free loopback port in front of moto that records every AWS
 * request and injects faults moto cannot produce: AWS errors, throttling, latency, hangs,
 * connection resets and short-lived credentials.
 *
 * <pre>{@code
 * try (FaultProxy proxy = FaultProxy.start(moto.endpoint())) {
 *     proxy.addRule(FaultRule.on("AssumeRole").first(1).then(Fault.throttling()));
 *     // point the code under test at proxy.endpoint()
 *     assertThat(proxy.count("AssumeRole")).isEqualTo(2);
 * }
 * }</pre>
 *
 * <p>Every client connection is served by its own virtual thread over its own upstream
 * connection, so hundreds of concurrent clients cost little. Rules are checked in the order
 * they were added: every matching latency rule adds its delay, every matching
 * short-lived-credentials rule rewrites the answer, and the first matching rule that replaces
 * the answer (error, HTTP status, hang, reset) ends the request without forwarding it.
 * Thread-safe; rules may be added and removed while requests flow.
 *
 * <p>With {@link Builder#awsToday(boolean)} the proxy also makes moto's Organizations answers look
 * the way the AWS API reference says AWS answers today: account objects carry {@code State} and
 * no {@code Status}; ListAccounts, ListAccountsForParent, ListChildren,
 * ListOrganizationalUnitsForParent and ListRoots serve at most 20 items a page with the proxy's own
 * NextTokens, and every listing includes exactly one empty page that carries a NextToken (the
 * first page when the listing fits in one page, otherwise the page right after the first full
 * one); {@code MaxResults} outside 1 to 20 and unknown NextTokens are refused with AWS's
 * {@code InvalidInputException}. Fault rules still apply first, to the requests the client sends,
 * and {@link #requests()} and {@link #count(String)} still record exactly those.
 *
 * <p>The proxy answers the Account Management operations ListRegions and GetRegionOptStatus itself,
 * which moto does not implement: every account has the Regions AWS enables by default
 * ({@code ENABLED_BY_DEFAULT}), and the opt-in Regions given to {@link Builder#enabledRegions} for it
 * ({@code ENABLED}); every other opt-in Region is {@code DISABLED}. The account is the request's
 * {@code AccountId}, or else the caller's (known for {@link Moto#ACCESS_KEY_ID}, and for keys learned
 * with {@link Builder#learnMotoAccounts(boolean)}). Fault rules apply to these requests too, as
 * {@code ListRegions} and {@code GetRegionOptStatus}.
 */
public final class FaultProxy implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(FaultProxy.class);
    private static final int BACKLOG = 1024;

    private final URI upstream;
    private final InetSocketAddress upstreamAddress;
    private final boolean learnMotoAccounts;
    private final boolean recordRequests;
    private final AwsTodayAnswers awsToday;
    private final RegionOptIns regionOptIns;
    private final RegionAnswers regionAnswers;
    private final ServerSocket listener;
    private final URI endpoint;
    private final Thread acceptor;
    private final List<FaultRule> rules = new CopyOnWriteArrayList<>();
    private final ConcurrentLinkedQueue<RecordedRequest> recorded = new ConcurrentLinkedQueue<>();
    private final Map<String, String> learnedAccounts = new ConcurrentHashMap<>();
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private final CountDownLatch closedLatch = new CountDownLatch(1);
    private final AtomicLong connections = new AtomicLong();
    private volatile boolean closed;

    private FaultProxy(Builder builder) {
        this.upstream = builder.upstream;
        this.upstreamAddress = new InetSocketAddress(upstream.getHost(), upstream.getPort());
        this.learnMotoAccounts = builder.learnMotoAccounts || builder.accountRegions != null;
        this.recordRequests = builder.recordRequests;
        this.awsToday = builder.awsToday ? new AwsTodayAnswers() : null;
        this.regionOptIns = new RegionOptIns(builder.enabledRegions);
        this.regionAnswers = builder.accountRegions == null ? null
                : new RegionAnswers(builder.accountRegions, Moto.MANAGEMENT_ACCOUNT_ID);
        if (learnMotoAccounts) {
            learnedAccounts.put(Moto.ACCESS_KEY_ID, Moto.MANAGEMENT_ACCOUNT_ID);
        }
        try {
            this.listener = new ServerSocket();
            listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), BACKLOG);
        } catch (IOException e) {
            throw new UncheckedIOException("fault proxy could not listen on a loopback port", e);
        }
        this.endpoint = URI.create("http://127.0.0.1:" + listener.getLocalPort());
        this.acceptor = Thread.ofVirtual().name("fault-proxy-" + listener.getLocalPort() + "-accept")
                .start(this::acceptLoop);
        LOG.debug("fault proxy {} forwarding to {}", endpoint, upstream);
    }

    /**
     * Starts a proxy in front of {@code upstream} with default options.
     *
     * @param upstream an {@code http://host:port} URI, typically {@link MotoServer#endpoint()}
     * @return the running proxy, which the caller must close
     */
    public static FaultProxy start(URI upstream) {
        return builder(upstream).start();
    }

    /**
     * Starts configuring a proxy in front of {@code upstream}.
     *
     * @param upstream an {@code http://host:port} URI, typically {@link MotoServer#endpoint()}
     * @return a builder
     * @throws IllegalArgumentException if the URI is not plain HTTP with a host and port
     */
    public static Builder builder(URI upstream) {
        return new Builder(upstream);
    }

    /**
     * Returns the URI clients should use, e.g. {@code http://127.0.0.1:54321}.
     *
     * @return the proxy's endpoint
     */
    public URI endpoint() {
        return endpoint;
    }

    /**
     * Returns the URI requests are forwarded to.
     *
     * @return the upstream endpoint
     */
    public URI upstream() {
        return upstream;
    }

    /**
     * Tells whether this proxy answers Organizations in the AWS-today shape (see
     * {@link Builder#awsToday(boolean)}).
     *
     * @return true if it does
     */
    public boolean isAwsToday() {
        return awsToday != null;
    }

    /**
     * Returns every request recorded since the start or the last {@link #clear()}, oldest first.
     *
     * @return an immutable snapshot
     */
    public List<RecordedRequest> requests() {
        return List.copyOf(recorded);
    }

    /**
     * Returns the recorded requests whose action is {@code action}, oldest first.
     *
     * @param action an API action such as {@code AssumeRole}
     * @return an immutable snapshot
     */
    public List<RecordedRequest> requests(String action) {
        Objects.requireNonNull(action, "action");
        return recorded.stream().filter(request -> request.action().equals(action)).toList();
    }

    /**
     * Returns how many recorded requests have action {@code action}.
     *
     * @param action an API action such as {@code AssumeRole}
     * @return the count
     */
    public int count(String action) {
        Objects.requireNonNull(action, "action");
        return (int) recorded.stream().filter(request -> request.action().equals(action)).count();
    }

    /** Forgets the recorded requests; rules and learned accounts stay. */
    public void clear() {
        recorded.clear();
    }

    /**
     * Adds {@code rule} after the existing rules; it applies to requests that arrive from now on.
     *
     * @param rule the rule
     * @return the same rule, e.g. to remove it later
     */
    public FaultRule addRule(FaultRule rule) {
        rules.add(Objects.requireNonNull(rule, "rule"));
        return rule;
    }

    /**
     * Removes {@code rule}; requests already in flight may still see it.
     *
     * @param rule a rule added earlier
     * @return false if the rule was not present
     */
    public boolean removeRule(FaultRule rule) {
        return rules.remove(rule);
    }

    /** Removes every rule. */
    public void clearRules() {
        rules.clear();
    }

    /**
     * Returns the rules in the order they are checked.
     *
     * @return an immutable snapshot
     */
    public List<FaultRule> rules() {
        return List.copyOf(rules);
    }

    /**
     * Returns the access key id to account id pairs known so far (see
     * {@link Builder#learnMotoAccounts(boolean)}).
     *
     * @return an immutable snapshot, empty unless learning is on
     */
    public Map<String, String> learnedAccounts() {
        return Map.copyOf(learnedAccounts);
    }

    /** Closes the listener and every open connection at once; hung requests end. Idempotent. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        closedLatch.countDown();
        closeQuietly(listener);
        for (Socket socket : sockets) {
            closeQuietly(socket);
        }
        sockets.clear();
        try {
            acceptor.join(Duration.ofSeconds(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return "FaultProxy[" + endpoint + " -> " + upstream + (awsToday != null ? ", awsToday" : "")
                + ", rules=" + rules.size() + "]";
    }

    private void acceptLoop() {
        while (!closed) {
            Socket socket;
            try {
                socket = listener.accept();
                socket.setTcpNoDelay(true);
            } catch (IOException e) {
                if (!closed) {
                    LOG.warn("fault proxy {} stopped accepting connections: {}", endpoint, e.toString());
                }
                return;
            }
            if (register(socket)) {
                Thread.ofVirtual()
                        .name("fault-proxy-" + listener.getLocalPort() + "-conn-" + connections.incrementAndGet())
                        .start(new ProxyConnection(this, socket));
            }
        }
    }

    boolean isClosed() {
        return closed;
    }

    InetSocketAddress upstreamAddress() {
        return upstreamAddress;
    }

    List<FaultRule> liveRules() {
        return rules;
    }

    void record(RecordedRequest request) {
        if (recordRequests) {
            recorded.add(request);
        }
    }

    /** Returns the answers to ListRegions and DescribeRegions, or null when no regions were configured. */
    RegionAnswers regionAnswers() {
        return regionAnswers;
    }

    /** Returns the AWS-today rewriter, or null when the mode is off. */
    AwsTodayAnswers awsTodayAnswers() {
        return awsToday;
    }

    /** Returns what answers ListRegions and GetRegionOptStatus. */
    RegionOptIns regionOptIns() {
        return regionOptIns;
    }

    /** Returns the account of requests signed with {@code accessKeyId}, or null when it is unknown. */
    String accountOf(String accessKeyId) {
        if (Moto.ACCESS_KEY_ID.equals(accessKeyId)) {
            return Moto.MANAGEMENT_ACCOUNT_ID;
        }
        return accessKeyId == null ? null : learnedAccount(accessKeyId);
    }

    boolean learnsAccounts() {
        return learnMotoAccounts;
    }

    String learnedAccount(String accessKeyId) {
        return learnMotoAccounts ? learnedAccounts.get(accessKeyId) : null;
    }

    void learn(String accessKeyId, String accountId) {
        learnedAccounts.put(accessKeyId, accountId);
    }

    /** Waits for {@code delay}; returns false if the proxy closed meanwhile. */
    boolean pause(Duration delay) {
        try {
            return !closedLatch.await(delay.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Tracks {@code socket} so that {@link #close()} closes it; false if already closed. */
    boolean register(Socket socket) {
        sockets.add(socket);
        if (closed) {
            sockets.remove(socket);
            closeQuietly(socket);
            return false;
        }
        return true;
    }

    void release(Socket socket) {
        sockets.remove(socket);
        closeQuietly(socket);
    }

    private static void closeQuietly(Closeable closeable) {
        try {
            closeable.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }

    /** Options of a {@link FaultProxy}. Not thread-safe. */
    public static final class Builder {
        private final URI upstream;
        private boolean learnMotoAccounts;
        private boolean recordRequests = true;
        private boolean awsToday;
        private final Map<String, Set<String>> enabledRegions = new HashMap<>();
        private Map<String, Map<String, String>> accountRegions;

        private Builder(URI upstream) {
            Objects.requireNonNull(upstream, "upstream");
            if (!"http".equalsIgnoreCase(upstream.getScheme()) || upstream.getHost() == null
                    || upstream.getPort() < 0) {
                throw new IllegalArgumentException(
                        "upstream must be an http://host:port URI, got " + upstream);
            }
            this.upstream = upstream;
        }

        /**
         * When true, learns which account each access key belongs to from AssumeRole answers
         * (the returned AccessKeyId, the account of the requested RoleArn) and adds an
         * {@code x-moto-account-id} header to later requests signed with that key, so moto
         * skips its slow search for the key. The static key {@link Moto#ACCESS_KEY_ID} is
         * known from the start. Default false.
         *
         * @param learn whether to learn and send account ids
         * @return this builder
         */
        public Builder learnMotoAccounts(boolean learn) {
            this.learnMotoAccounts = learn;
            return this;
        }

        /**
         * When false, requests are not kept (for long benchmarks); {@link FaultProxy#requests()} stays
         * empty. Default true.
         *
         * @param record whether to keep requests
         * @return this builder
         */
        public Builder recordRequests(boolean record) {
            this.recordRequests = record;
            return this;
        }

        /**
         * When true, Organizations answers are rewritten to the shape the AWS Organizations API
         * reference gives for AWS today, which moto 5.2 does not follow. Default false.
         *
         * <ul>
         *   <li>Account objects in ListAccounts, ListAccountsForParent and DescribeAccount answers
         *       carry {@code State} and no {@code Status} (AWS retires {@code Status} on
         *       2026-09-09); a missing {@code State} is taken from {@code Status}.</li>
         *   <li>ListAccounts, ListAccountsForParent, ListChildren,
         *       ListOrganizationalUnitsForParent and ListRoots are re-paged: a request without a
         *       NextToken fetches the whole listing from moto, following moto's NextTokens; pages
         *       of at most {@code MaxResults} items (20 when absent) are then served with the
         *       proxy's own random NextTokens, which may be sent again to repeat a page.</li>
         *   <li>Every listing includes exactly one empty page that carries a NextToken, as AWS may
         *       send any time: when the listing fits in one page (at most {@code MaxResults} items,
         *       or none), the first answer is empty with a NextToken and the second holds the
         *       items; otherwise the empty page comes right after the first full page.</li>
         *   <li>{@code MaxResults} above 20 gets HTTP 400 {@code InvalidInputException} with Reason
         *       {@code MAX_VALUE_EXCEEDED}, below 1 Reason {@code MIN_VALUE_EXCEEDED}; a NextToken
         *       the proxy did not hand out for that operation and those parameters (or one of a
         *       listing older than the 128 most recently used) gets Reason
         *       {@code INVALID_PAGINATION_TOKEN}.</li>
         * </ul>
         *
         * <p>Fault rules apply before any of this, so a rule on ListAccounts faults the proxy's
         * pages; recorded requests are what the client sent, not the requests that fetch a
         * listing from moto. Other actions and services pass through unchanged.
         *
         * @param awsToday whether to answer Organizations in the AWS-today shape
         * @return this builder
         * @see AwsShape#AWS_TODAY
         */
        public Builder awsToday(boolean awsToday) {
            this.awsToday = awsToday;
            return this;
        }

        /**
         * Declares the opt-in Regions enabled in {@code accountId}, which the proxy's ListRegions and
         * GetRegionOptStatus answers report as {@code ENABLED} (replacing any earlier declaration for that
         * account). Regions enabled by default in every account may be named too; they stay
         * {@code ENABLED_BY_DEFAULT}.
         *
         * @param accountId a 12-digit account id
         * @param regions Region names such as {@code eu-south-1}
         * @return this builder
         * @throws IllegalArgumentException if the account id is not 12 digits or a name is not a Region of
         *     the {@code aws} partition
         */
        public Builder enabledRegions(String accountId, Collection<String> regions) {
            Objects.requireNonNull(accountId, "accountId");
            if (!accountId.matches("\\d{12}")) {
                throw new IllegalArgumentException("accountId must be 12 digits, got '" + accountId + "'");
            }
            enabledRegions.put(accountId, RegionOptIns.requireKnown(Objects.requireNonNull(regions, "regions")));
            return this;
        }

        /**
         * Answers {@code account:ListRegions} and {@code ec2:DescribeRegions}, which moto lacks or answers the same
         * for every account, from a map of each account's regions and their {@code RegionOptStatus}
         * ({@code ENABLED}, {@code ENABLED_BY_DEFAULT}, {@code ENABLING}, {@code DISABLING}, {@code DISABLED}), so
         * that accounts with different regions enabled can be tested. ListRegions answers for its
         * {@code AccountId}, or for the caller's own account without one; the management account naming itself,
         * or an account not in the map, gets {@code ValidationException}. DescribeRegions answers for the account
         * whose credentials signed it, when it is in the map: the enabled regions (with {@code AllRegions}, every
         * region and its {@code optInStatus}). Turns on {@link #learnMotoAccounts(boolean)}, which tells the
         * accounts of assumed-role credentials apart. Fault rules apply first, so a rule can deny either call.
         * When set, this map answers ListRegions instead of {@link #enabledRegions(String, Collection)}.
         *
         * @param regions each account's regions by account ID, each region's status by region name
         * @return this builder
         */
        public Builder accountRegions(Map<String, Map<String, String>> regions) {
            this.accountRegions = Objects.requireNonNull(regions, "regions");
            return this;
        }

        /**
         * Starts the proxy on a free loopback port.
         *
         * @return the running proxy, which the caller must close
         * @throws UncheckedIOException if no port can be opened
         */
        public FaultProxy start() {
            return new FaultProxy(this);
        }
    }
}
