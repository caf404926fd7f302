package dev.cove.testkit;

import java.util.Objects;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * Selects requests passing through a {@link FaultProxy} and applies a {@link Fault} to them.
 *
 * <pre>{@code
 * proxy.addRule(FaultRule.on("AssumeRole")
 *         .whenParamContains("RoleArn", "111122223333")
 *         .then(Fault.accessDenied("not allowed")));
 * proxy.addRule(FaultRule.on("ListAccounts").first(2).then(Fault.tooManyRequests()));
 * proxy.addRule(FaultRule.onAnyAction().withProbability(0.1, 42).then(Fault.throttling()));
 * }</pre>
 *
 * <p>A rule fires always (the default), only for the first {@code k} requests it matches, or
 * for each match with probability {@code p} drawn from a seeded {@link Random}. It counts its
 * matches and firings; it is thread-safe.
 */
public final class FaultRule {

    private final String action;
    private final String service;
    private final Predicate<RecordedRequest> condition;
    private final int firstK;
    private final double probability;
    private final Random random;
    private final Fault fault;
    private final String description;
    private final AtomicInteger matched = new AtomicInteger();
    private final AtomicInteger fired = new AtomicInteger();

    private FaultRule(Builder builder, Fault fault) {
        this.action = builder.action;
        this.service = builder.service;
        this.condition = builder.condition;
        this.firstK = builder.firstK;
        this.probability = builder.probability;
        this.random = builder.probability < 1.0 ? new Random(builder.seed) : null;
        this.fault = fault;
        this.description = "FaultRule[action=" + (action == null ? "*" : action)
                + (service == null ? "" : ", service=" + service)
                + (builder.conditionText == null ? "" : ", when=" + builder.conditionText)
                + (firstK == Integer.MAX_VALUE ? "" : ", first=" + firstK)
                + (probability < 1.0 ? ", probability=" + probability + ", seed=" + builder.seed : "")
                + ", fault=" + fault + "]";
    }

    /**
     * Starts a rule for requests whose action is {@code action}.
     *
     * @param action an API action such as {@code AssumeRole} or {@code ListAccounts}
     * @return a builder
     */
    public static Builder on(String action) {
        return new Builder(Objects.requireNonNull(action, "action"));
    }

    /**
     * Starts a rule for requests of any action.
     *
     * @return a builder
     */
    public static Builder onAnyAction() {
        return new Builder(null);
    }

    /**
     * Returns the fault this rule applies.
     *
     * @return the fault
     */
    public Fault fault() {
        return fault;
    }

    /**
     * Returns how many requests matched this rule's action, service and condition so far.
     *
     * @return the count
     */
    public int matchedCount() {
        return matched.get();
    }

    /**
     * Returns how many times this rule applied its fault so far.
     *
     * @return the count
     */
    public int firedCount() {
        return fired.get();
    }

    /** Counts a matching request and decides whether the fault applies to it. */
    boolean fires(RecordedRequest request) {
        if (action != null && !action.equals(request.action())) {
            return false;
        }
        if (service != null && !service.equals(request.service())) {
            return false;
        }
        if (condition != null && !condition.test(request)) {
            return false;
        }
        int match = matched.incrementAndGet();
        boolean fire = match <= firstK && (random == null || random.nextDouble() < probability);
        if (fire) {
            fired.incrementAndGet();
        }
        return fire;
    }

    @Override
    public String toString() {
        return description;
    }

    /** Configures which requests a rule selects and how often it fires. Not thread-safe. */
    public static final class Builder {
        private final String action;
        private String service;
        private Predicate<RecordedRequest> condition;
        private String conditionText;
        private int firstK = Integer.MAX_VALUE;
        private double probability = 1.0;
        private long seed;

        private Builder(String action) {
            this.action = action;
        }

        /**
         * Restricts the rule to one service.
         *
         * @param service a signing name such as {@code sts}, {@code iam}, {@code organizations}
         * @return this builder
         */
        public Builder service(String service) {
            this.service = Objects.requireNonNull(service, "service");
            return this;
        }

        /**
         * Restricts the rule to requests that satisfy {@code condition}; replaces any earlier
         * condition.
         *
         * @param condition evaluated on every request with the right action and service
         * @return this builder
         */
        public Builder when(Predicate<RecordedRequest> condition) {
            this.condition = Objects.requireNonNull(condition, "condition");
            this.conditionText = "predicate";
            return this;
        }

        /**
         * Restricts the rule to requests whose parameter {@code name} contains {@code text};
         * replaces any earlier condition.
         *
         * @param name a parameter such as {@code RoleArn}
         * @param text the text the value must contain, such as an account id
         * @return this builder
         */
        public Builder whenParamContains(String name, String text) {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(text, "text");
            this.condition = request -> request.paramContains(name, text);
            this.conditionText = name + " contains '" + text + "'";
            return this;
        }

        /**
         * Fires for every matching request (the default).
         *
         * @return this builder
         */
        public Builder always() {
            this.firstK = Integer.MAX_VALUE;
            this.probability = 1.0;
            return this;
        }

        /**
         * Fires only for the first {@code k} matching requests, then lets the rest through.
         *
         * @param k how many matching requests to fault
         * @return this builder
         * @throws IllegalArgumentException if {@code k} is negative
         */
        public Builder first(int k) {
            if (k < 0) {
                throw new IllegalArgumentException("k must be at least 0, got " + k);
            }
            this.firstK = k;
            return this;
        }

        /**
         * Fires for each matching request with probability {@code p}, drawn from a
         * {@link Random} seeded with {@code seed}.
         *
         * @param p the probability, 0 to 1
         * @param seed the random seed, for repeatable runs
         * @return this builder
         * @throws IllegalArgumentException if {@code p} is not between 0 and 1
         */
        public Builder withProbability(double p, long seed) {
            if (!(p >= 0.0 && p <= 1.0)) {
                throw new IllegalArgumentException("p must be between 0 and 1, got " + p);
            }
            this.probability = p;
            this.seed = seed;
            return this;
        }

        /**
         * Finishes the rule; add it with {@link FaultProxy#addRule}.
         *
         * @param fault what to do to the selected requests
         * @return the rule
         */
        public FaultRule then(Fault fault) {
            return new FaultRule(this, Objects.requireNonNull(fault, "fault"));
        }
    }
}
