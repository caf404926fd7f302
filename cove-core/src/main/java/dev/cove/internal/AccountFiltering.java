package dev.cove.internal;

import dev.cove.CoveAccount;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.organizations.OrganizationsClient;

/**
 * Applies the account filters to the selected accounts, after reading only what they look at: the OU paths
 * (a walk of the OU tree) for an {@code ou} filter, the tags (one listing per selected account) for a {@code tag:}
 * filter, both for an {@code accountFilter}.
 */
final class AccountFiltering {

    private static final Logger LOG = LoggerFactory.getLogger(AccountFiltering.class);

    private final AccountFilters filters;
    private final OrganizationTree tree;
    private final OrganizationsClient organizations;

    AccountFiltering(AccountFilters filters, OrganizationTree tree, OrganizationsClient organizations) {
        this.filters = filters;
        this.tree = tree;
        this.organizations = organizations;
    }

    /**
     * Returns the accounts that pass the filters, with the OU paths and tags that were read.
     *
     * @param eligible the accounts the selection left
     * @param organization the organization's accounts, if listed
     * @param file the targets file, or null
     * @param host the calling account
     * @return the accounts that pass, in the given order
     * @throws dev.cove.CoveConfigurationException when a filter cannot be decided, or the filters remove every
     *     account (saying which removed how many)
     */
    List<PlannedAccount> apply(List<OrgAccount> eligible, Optional<Map<String, OrgAccount>> organization,
            TargetsFile file, String host) {
        Map<String, String> ouPaths = null;
        Map<String, Map<String, String>> tags = null;
        if (filters.any() && organization.isEmpty()) {
            AccountFilter undecidable = filters.undecidableWithoutOrganization(file != null && file.hasNamesOrEmails());
            if (undecidable != null) {
                throw Validation.fail(undecidable.option(), undecidable.expression(), undecidable.describe()
                        + " cannot be decided: the organization's accounts cannot be listed "
                        + "(organizations:ListAccounts), so their " + undecidable.key().name().toLowerCase(Locale.ROOT)
                        + " is unknown; run from the management account or a delegated administrator, or filter by id");
            }
        } else if (filters.any()) {
            if (filters.needOuPaths()) {
                ouPaths = tree.accountPaths(filters.optionLookingAt(AccountFilter.Key.OU));
            }
            if (filters.needTags()) {
                tags = AccountTags.read(organizations, eligible.stream().map(OrgAccount::id).toList(),
                        filters.optionLookingAt(AccountFilter.Key.TAG));
            }
        }
        List<PlannedAccount> accounts = new ArrayList<>();
        for (OrgAccount account : eligible) {
            accounts.add(TargetResolver.plannedWithoutRegions(account, ouPaths == null ? null : ouPaths.get(account.id()),
                    tags == null ? null : tags.getOrDefault(account.id(), Map.of()), host));
        }
        if (!filters.any()) {
            return accounts;
        }
        AccountFilters.Outcome outcome = filters.apply(accounts.stream().map(PlannedAccount::view).toList());
        if (outcome.kept().isEmpty()) {
            throw Validation.fail(outcome.lastRemovingOption(), null, "There are no eligible account ids to run "
                    + "against: the selection leaves " + accounts.size() + " account(s), and the filters remove them "
                    + "all: " + outcome.describe());
        }
        Set<String> kept = new HashSet<>();
        for (CoveAccount account : outcome.kept()) {
            kept.add(account.id());
        }
        List<PlannedAccount> passed = new ArrayList<>();
        for (PlannedAccount account : accounts) {
            if (kept.contains(account.id())) {
                passed.add(account);
            }
        }
        LOG.debug("Account filters: {}", outcome.describe());
        return passed;
    }
}
