package dev.cove.testkit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Declares the accounts and child OUs of one organizational unit (or of the root) for
 * {@link OrganizationBuilder}. Declaration order is kept: accounts are numbered depth-first.
 */
public final class OuBuilder {

    private final String name;
    private final List<Entry> entries = new ArrayList<>();

    private sealed interface Entry permits AutoAccounts, NamedAccount, ChildOu {
    }

    private record AutoAccounts(int count) implements Entry {
    }

    private record NamedAccount(String name, Map<String, String> tags) implements Entry {
    }

    private record ChildOu(OuBuilder ou) implements Entry {
    }

    OuBuilder(String name) {
        this.name = name;
    }

    /**
     * Adds {@code count} accounts named by their global position, {@code acct-0001},
     * {@code acct-0002}, ..., with emails {@code acct-0001@example.com}, ...
     *
     * @param count how many accounts
     * @return this builder
     * @throws IllegalArgumentException if {@code count} is negative
     */
    public OuBuilder accounts(int count) {
        if (count < 0) {
            throw new IllegalArgumentException("count must be at least 0, got " + count);
        }
        entries.add(new AutoAccounts(count));
        return this;
    }

    /**
     * Adds one account called {@code name}, with email {@code name@example.com}.
     *
     * @param name the account name
     * @return this builder
     * @throws IllegalArgumentException if the name is blank or contains whitespace or '@'
     */
    public OuBuilder account(String name) {
        return account(name, Map.of());
    }

    /**
     * Adds one account called {@code name}, with email {@code name@example.com}, created with these tags
     * (CreateAccount's {@code Tags}).
     *
     * @param name the account name
     * @param tags the account's tags, e.g. {@code Map.of("env", "prod")}
     * @return this builder
     * @throws IllegalArgumentException if the name is blank or contains whitespace or '@'
     */
    public OuBuilder account(String name, Map<String, String> tags) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(tags, "tags");
        if (name.isBlank() || name.chars().anyMatch(c -> Character.isWhitespace(c) || c == '@')) {
            throw new IllegalArgumentException(
                    "account name must be non-blank without spaces or '@', got '" + name + "'");
        }
        entries.add(new NamedAccount(name, Map.copyOf(tags)));
        return this;
    }

    /**
     * Adds a child OU called {@code name} whose contents {@code body} declares.
     *
     * @param name the OU name, unique among its siblings
     * @param body declares the OU's accounts and child OUs
     * @return this builder
     * @throws IllegalArgumentException if the name is blank or contains '/'
     */
    public OuBuilder ou(String name, Consumer<OuBuilder> body) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(body, "body");
        if (name.isBlank() || name.contains("/")) {
            throw new IllegalArgumentException("OU name must be non-blank without '/', got '" + name + "'");
        }
        OuBuilder child = new OuBuilder(name);
        body.accept(child);
        entries.add(new ChildOu(child));
        return this;
    }

    /**
     * Adds an empty child OU called {@code name}.
     *
     * @param name the OU name, unique among its siblings
     * @return this builder
     */
    public OuBuilder ou(String name) {
        return ou(name, ou -> { });
    }

    /** Appends this OU's OUs and accounts, depth-first, to {@code plan}. */
    void plan(String path, OrganizationPlan.Builder plan) {
        List<String> childNames = new ArrayList<>();
        for (Entry entry : entries) {
            switch (entry) {
                case AutoAccounts auto -> {
                    for (int i = 0; i < auto.count(); i++) {
                        plan.addAccount(String.format("acct-%04d", plan.nextAutoNumber()), path, Map.of());
                    }
                }
                case NamedAccount named -> plan.addAccount(named.name(), path, named.tags());
                case ChildOu child -> {
                    if (childNames.contains(child.ou().name)) {
                        throw new IllegalArgumentException("OU '" + child.ou().name
                                + "' is declared twice under '" + path + "'");
                    }
                    childNames.add(child.ou().name);
                    String childPath = OuPaths.child(path, child.ou().name);
                    plan.addOu(child.ou().name, childPath);
                    child.ou().plan(childPath, plan);
                }
            }
        }
    }

    String name() {
        return name;
    }
}
