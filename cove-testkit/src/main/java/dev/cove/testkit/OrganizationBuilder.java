package dev.cove.testkit;

import java.net.URI;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import software.amazon.awssdk.services.organizations.OrganizationsClient;

/**
 * Declares an AWS Organization and builds it in moto through the Organizations API
 * (CreateOrganization, ListRoots, CreateOrganizationalUnit, CreateAccount, MoveAccount).
 *
 * <pre>{@code
 * OrgFixture org = OrganizationBuilder.on(moto.endpoint())
 *         .ou("prod", prod -> prod.accounts(2)
 *                 .ou("web", web -> web.accounts(1).ou("edge", edge -> edge.accounts(1))))
 *         .ou("sandbox", sandbox -> sandbox.accounts(1))
 *         .build();
 * }</pre>
 *
 * <p>Account names and emails are deterministic ({@code acct-0001},
 * {@code acct-0001@example.com}, numbered depth-first in declaration order); ids are moto's.
 * The organization belongs to {@link Moto#MANAGEMENT_ACCOUNT_ID}, so moto must not already hold
 * one: reset it first. A builder is not thread-safe; {@link #build()} may be called once per
 * moto reset.
 */
public final class OrganizationBuilder {

    /** Default number of Organizations requests in flight while building. */
    public static final int DEFAULT_CONCURRENCY = 8;
    /** Default number of child OUs per OU in {@link #spread(int, int)}. */
    public static final int DEFAULT_FAN_OUT = 3;

    private final URI endpoint;
    private final OuBuilder root = new OuBuilder("");
    private int concurrency = DEFAULT_CONCURRENCY;

    private OrganizationBuilder(URI endpoint) {
        this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
    }

    /**
     * Starts declaring an organization to be built in the moto server at {@code endpoint}.
     *
     * @param endpoint the moto endpoint (not a fault proxy: building should not see faults)
     * @return a builder
     */
    public static OrganizationBuilder on(URI endpoint) {
        return new OrganizationBuilder(endpoint);
    }

    /**
     * Builds an organization of {@code accounts} members spread evenly over OUs nested
     * {@code depth} levels deep, {@value #DEFAULT_FAN_OUT} children per OU.
     *
     * @param endpoint the moto endpoint
     * @param accounts how many member accounts to create
     * @param depth how many levels of OUs to nest
     * @return the organization built
     * @see #spread(int, int, int)
     */
    public static OrgFixture large(URI endpoint, int accounts, int depth) {
        return on(endpoint).spread(accounts, depth).build();
    }

    /**
     * Adds {@code count} auto-named accounts directly under the root.
     *
     * @param count how many accounts
     * @return this builder
     */
    public OrganizationBuilder accounts(int count) {
        root.accounts(count);
        return this;
    }

    /**
     * Adds an account called {@code name} directly under the root.
     *
     * @param name the account name; its email is {@code name@example.com}
     * @return this builder
     */
    public OrganizationBuilder account(String name) {
        root.account(name);
        return this;
    }

    /**
     * Adds an account called {@code name} directly under the root, created with these tags.
     *
     * @param name the account name; its email is {@code name@example.com}
     * @param tags the account's tags
     * @return this builder
     */
    public OrganizationBuilder account(String name, Map<String, String> tags) {
        root.account(name, tags);
        return this;
    }

    /**
     * Adds a top-level OU called {@code name} whose contents {@code body} declares.
     *
     * @param name the OU name
     * @param body declares the OU's accounts and child OUs
     * @return this builder
     */
    public OrganizationBuilder ou(String name, Consumer<OuBuilder> body) {
        root.ou(name, body);
        return this;
    }

    /**
     * Adds an empty top-level OU called {@code name}.
     *
     * @param name the OU name
     * @return this builder
     */
    public OrganizationBuilder ou(String name) {
        root.ou(name);
        return this;
    }

    /**
     * Same as {@link #spread(int, int, int)} with {@value #DEFAULT_FAN_OUT} children per OU.
     *
     * @param accounts how many accounts to spread
     * @param depth how many levels of OUs to nest
     * @return this builder
     */
    public OrganizationBuilder spread(int accounts, int depth) {
        return spread(accounts, depth, DEFAULT_FAN_OUT);
    }

    /**
     * Adds a tree of OUs {@code depth} levels deep with {@code fanOut} children per OU, named
     * {@code ou1}, {@code ou1-2}, {@code ou1-2-3}, ..., and spreads {@code accounts} auto-named
     * accounts over all of them in contiguous, near-equal blocks, depth-first.
     *
     * @param accounts how many accounts to spread
     * @param depth how many levels of OUs to nest
     * @param fanOut how many child OUs each OU gets
     * @return this builder
     * @throws IllegalArgumentException if a count is negative, or depth or fanOut is below 1
     */
    public OrganizationBuilder spread(int accounts, int depth, int fanOut) {
        if (accounts < 0) {
            throw new IllegalArgumentException("accounts must be at least 0, got " + accounts);
        }
        if (depth < 1 || fanOut < 1) {
            throw new IllegalArgumentException("depth and fanOut must be at least 1, got depth "
                    + depth + " and fanOut " + fanOut);
        }
        new SpreadLayout(accounts, depth, fanOut).addTo(root);
        return this;
    }

    /**
     * Sets how many Organizations requests may be in flight while building.
     *
     * @param requests the limit, default {@value #DEFAULT_CONCURRENCY}
     * @return this builder
     * @throws IllegalArgumentException if {@code requests} is below 1
     */
    public OrganizationBuilder concurrency(int requests) {
        if (requests < 1) {
            throw new IllegalArgumentException("concurrency must be at least 1, got " + requests);
        }
        this.concurrency = requests;
        return this;
    }

    /**
     * Creates the organization, its OUs and accounts in moto and describes what was created.
     *
     * @return the organization built
     * @throws IllegalArgumentException if the declaration repeats an account name or an OU name
     *     under the same parent
     * @throws IllegalStateException if moto already holds an organization or a call fails
     */
    public OrgFixture build() {
        OrganizationPlan.Builder plan = new OrganizationPlan.Builder();
        root.plan("", plan);
        try (OrganizationsClient organizations = Moto.configure(OrganizationsClient.builder(), endpoint)
                .overrideConfiguration(o -> o.putHeader(Moto.ACCOUNT_HEADER, Moto.MANAGEMENT_ACCOUNT_ID))
                .build()) {
            return new OrganizationCreator(organizations, concurrency).create(plan.build());
        }
    }
}
