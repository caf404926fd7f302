package dev.cove.internal;

import dev.cove.CoveAccount;
import dev.cove.CoveConfigurationException;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;
import java.util.function.Predicate;

/**
 * The account filters of a run: every {@code include} must hold, no {@code exclude} may hold, and the
 * {@code accountFilter} predicate must accept the account. Applied in that order, each counting the accounts it
 * removes, so that a selection the filters empty can say which filter removed how many.
 */
final class AccountFilters {

    private final List<AccountFilter> includes;
    private final List<AccountFilter> excludes;
    private final Predicate<CoveAccount> predicate;

    private AccountFilters(List<AccountFilter> includes, List<AccountFilter> excludes,
            Predicate<CoveAccount> predicate) {
        this.includes = includes;
        this.excludes = excludes;
        this.predicate = predicate;
    }

    /**
     * Returns the filters of a configuration.
     *
     * @param config the run's settings
     * @return the filters
     */
    static AccountFilters of(CoveConfig config) {
        return new AccountFilters(parse("include", config.get(Options.INCLUDE)),
                parse("exclude", config.get(Options.EXCLUDE)), config.get(Options.ACCOUNT_FILTER));
    }

    private static List<AccountFilter> parse(String option, List<String> expressions) {
        return expressions.stream().map(expression -> AccountFilter.parse(option, expression)).toList();
    }

    private List<AccountFilter> expressions() {
        List<AccountFilter> all = new ArrayList<>(includes);
        all.addAll(excludes);
        return all;
    }

    /**
     * Returns whether any filter is set.
     *
     * @return true when accounts may be filtered out
     */
    boolean any() {
        return !includes.isEmpty() || !excludes.isEmpty() || predicate != null;
    }

    /**
     * Returns whether the filters need each account's OU path: an {@code ou} expression, or a predicate (which
     * may read it).
     *
     * @return true when the OU tree must be walked
     */
    boolean needOuPaths() {
        return predicate != null || expressions().stream().anyMatch(f -> f.key() == AccountFilter.Key.OU);
    }

    /**
     * Returns whether the filters need each account's tags: a {@code tag:} expression, or a predicate.
     *
     * @return true when tags must be read
     */
    boolean needTags() {
        return predicate != null || expressions().stream().anyMatch(f -> f.key() == AccountFilter.Key.TAG);
    }

    /**
     * Returns the option of the first filter that looks at a key, for messages about reading that key.
     *
     * @param key the key
     * @return {@code include} or {@code exclude}; {@code accountFilter} when only the predicate may look at it
     */
    String optionLookingAt(AccountFilter.Key key) {
        return expressions().stream().filter(f -> f.key() == key).map(AccountFilter::option).findFirst()
                .orElse("accountFilter");
    }

    /**
     * Returns whether every filter can be decided from an account as ListAccounts gives it, so that discovery
     * may announce accounts before the listing ends.
     *
     * @return true without {@code ou}, {@code tag:} and predicate filters
     */
    boolean decidableFromListing() {
        return predicate == null && expressions().stream().allMatch(AccountFilter::decidableFromListing);
    }

    /**
     * Names the first filter that needs organization metadata beyond what is at hand: with no organization
     * listing, only {@code id} (and, from a targets file, {@code name} and {@code email}) can be decided.
     *
     * @param namesAndEmailsKnown whether a targets file gave names and e-mails
     * @return the filter, or null when every filter can be decided
     */
    AccountFilter undecidableWithoutOrganization(boolean namesAndEmailsKnown) {
        for (AccountFilter filter : expressions()) {
            boolean fromFile = filter.key() == AccountFilter.Key.NAME || filter.key() == AccountFilter.Key.EMAIL;
            if (filter.key() != AccountFilter.Key.ID && !(fromFile && namesAndEmailsKnown)) {
                return filter;
            }
        }
        return null;
    }

    /**
     * Returns whether an account passes every filter.
     *
     * @param account the account
     * @return true when it stays
     */
    boolean passes(CoveAccount account) {
        for (AccountFilter include : includes) {
            if (!include.matches(account)) {
                return false;
            }
        }
        for (AccountFilter exclude : excludes) {
            if (exclude.matches(account)) {
                return false;
            }
        }
        return predicate == null || test(account);
    }

    private boolean test(CoveAccount account) {
        try {
            return predicate.test(account);
        } catch (RuntimeException e) {
            throw new CoveConfigurationException("accountFilter", account.id(), "the accountFilter threw "
                    + e + " for account " + account.id() + "; no role was assumed", e);
        }
    }

    /**
     * Applies the filters one after another, counting the accounts each removes.
     *
     * @param accounts the accounts the selection left
     * @return the accounts that pass, in the given order, and what each filter removed
     */
    Outcome apply(List<CoveAccount> accounts) {
        List<CoveAccount> kept = new ArrayList<>(accounts);
        List<Removal> removals = new ArrayList<>();
        for (AccountFilter include : includes) {
            removals.add(removeIf(kept, account -> !include.matches(account), include.option(), include.describe()));
        }
        for (AccountFilter exclude : excludes) {
            removals.add(removeIf(kept, exclude::matches, exclude.option(), exclude.describe()));
        }
        if (predicate != null) {
            removals.add(removeIf(kept, account -> !test(account), "accountFilter", "accountFilter"));
        }
        return new Outcome(kept, removals);
    }

    private static Removal removeIf(List<CoveAccount> accounts, Predicate<CoveAccount> remove, String option,
            String description) {
        int before = accounts.size();
        accounts.removeIf(remove);
        return new Removal(option, description, before - accounts.size(), before);
    }

    /**
     * What one filter removed.
     *
     * @param option the option that set the filter: {@code include}, {@code exclude} or {@code accountFilter}
     * @param filter the filter, e.g. {@code include name=prod-*}
     * @param removed how many accounts it removed
     * @param of how many accounts it was applied to
     */
    record Removal(String option, String filter, int removed, int of) {
    }

    /**
     * The accounts that passed, and what each filter removed.
     *
     * @param kept the accounts that passed, in the given order
     * @param removals one entry per filter, in the order they were applied
     */
    record Outcome(List<CoveAccount> kept, List<Removal> removals) {

        /**
         * Says which filter removed how many, e.g. {@code include name=prod-* removed 3 of 5, exclude ... removed 2
         * of 2}.
         *
         * @return the description
         */
        String describe() {
            StringJoiner joined = new StringJoiner(", ");
            for (Removal removal : removals) {
                joined.add(removal.filter() + " removed " + removal.removed() + " of " + removal.of());
            }
            return joined.toString();
        }

        /**
         * Returns the option of the last filter that removed an account, which the error names.
         *
         * @return e.g. {@code exclude}
         */
        String lastRemovingOption() {
            String option = removals.isEmpty() ? "include" : removals.getFirst().option();
            for (Removal removal : removals) {
                if (removal.removed() > 0) {
                    option = removal.option();
                }
            }
            return option;
        }
    }
}
