package dev.cove.internal;

import dev.cove.CoveAccount;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;

/**
 * Turns a selection into the accounts and regions of a run, with botocove's rules (ignores win over targets, the
 * calling account is ignored unless {@code includeHostAccount(true)}, an explicitly targeted account must be an
 * ACTIVE member when the organization can be listed), then the account filters, then each account's regions.
 * Every selector is checked, and the organization read, before any role is assumed; only the fallback that reads
 * an account's regions through its role assumes roles, and those are kept for the run.
 */
final class TargetResolver {

    private static final Logger LOG = LoggerFactory.getLogger(TargetResolver.class);

    private final CoveConfig config;
    private final AwsClients clients;
    private final Region assumingRegion;
    private final OrganizationDirectory directory;
    private final OrganizationTree tree;
    private final AccountFilters filters;
    private final RegionSelection regions;
    /** The organization's roots, listed on first need; empty when they cannot be listed. */
    private Optional<Set<String>> roots;

    TargetResolver(CoveConfig config, AwsClients clients, Region assumingRegion) {
        this.config = config;
        this.clients = clients;
        this.assumingRegion = assumingRegion;
        this.directory = new OrganizationDirectory(clients.organizations());
        this.tree = new OrganizationTree(clients.organizations(), this::roots);
        this.filters = AccountFilters.of(config);
        this.regions = RegionSelection.of(config);
    }

    /**
     * Resolves the run's accounts and regions for a dry run: roles assumed on the way are dropped.
     *
     * @return the plan
     * @throws dev.cove.CoveConfigurationException when the selection is invalid or leaves no eligible account
     */
    RunPlan resolve() {
        return resolve((partition, account) -> { }, RoleKeeper.DROP);
    }

    /**
     * Resolves the run's accounts and regions. When every account of the organization is selected, no account's
     * regions must be looked up and every filter can be decided from the listing, the ignored accounts are known
     * before the listing starts, so each eligible account is announced to {@code onEligible} as soon as its page
     * arrives; otherwise nothing is announced, since the selection must be validated whole before any role is
     * assumed.
     *
     * @param onEligible told of each account that will surely be in the plan, with the run's partition
     * @param keeper takes the roles assumed to read accounts' regions
     * @return the plan
     * @throws dev.cove.CoveConfigurationException when the selection is invalid or leaves no eligible account
     */
    RunPlan resolve(BiConsumer<String, OrgAccount> onEligible, RoleKeeper keeper) {
        GetCallerIdentityResponse caller = callerIdentity();
        String host = caller.account();
        String partition = config.get(Options.PARTITION) != null ? config.get(Options.PARTITION) : partitionOf(caller.arn());
        boolean includeHost = config.get(Options.INCLUDE_HOST_ACCOUNT);
        TargetsFile file = config.get(Options.TARGETS_FILE);
        boolean wholeOrganization = config.get(Options.TARGET_IDS) == null && file == null;
        boolean announce = wholeOrganization && !regions.needsLookup() && filters.decidableFromListing();
        Set<String> ignoredEarly = wholeOrganization ? ignored(Optional.empty(), host, includeHost) : null;
        Optional<Map<String, OrgAccount>> organization = directory.listAccounts(account -> {
            if (announce && account.active() && !account.id().equals(host) && !ignoredEarly.contains(account.id())
                    && filters.passes(plannedWithoutRegions(account, null, null, host).view())) {
                onEligible.accept(partition, account);
            }
        });
        if (wholeOrganization && organization.isEmpty()) {
            throw Validation.fail("targetIds", null, "cannot list the organization's accounts, and no account IDs "
                    + "were given: run from the management account or a delegated administrator (needs "
                    + "organizations:ListAccounts), or give account IDs or a targets file");
        }
        Map<String, OrgAccount> fromFile = file == null ? Map.of() : fileAccounts(file, organization);
        Set<String> selected = wholeOrganization ? activeIds(organization.get().values())
                : new LinkedHashSet<>(fromFile.keySet());
        if (config.get(Options.TARGET_IDS) != null) {
            selected.addAll(expand(config.get(Options.TARGET_IDS), organization, true));
        }
        if (includeHost) {
            selected.add(host);
        }
        Set<String> ignored = wholeOrganization ? ignoredEarly : ignored(organization, host, includeHost);
        List<OrgAccount> eligible = new ArrayList<>();
        for (String id : selected) {
            if (!ignored.contains(id)) {
                eligible.add(listing(id, organization, fromFile));
            }
        }
        if (eligible.isEmpty()) {
            throw Validation.fail("targetIds", null, "There are no eligible account ids to run against: "
                    + whyNothingIsLeft(selected, ignored, host, includeHost, organization));
        }
        List<PlannedAccount> accounts = filter(eligible, organization, file, host);
        accounts.sort(Comparator.comparing(PlannedAccount::id));
        List<PlannedAccount> planned = withRegions(accounts, file, host, partition, keeper);
        RunPlan plan = new RunPlan(partition, planned);
        LOG.debug("Resolved {} accounts, {} targets (caller {}, partition {})", planned.size(), plan.size(), host,
                partition);
        return plan;
    }

    private GetCallerIdentityResponse callerIdentity() {
        return new CallerIdentity(config, clients.sts(), assumingRegion).call();
    }

    private Optional<Set<String>> roots() {
        if (roots == null) {
            roots = directory.roots();
        }
        return roots;
    }

    private static PlannedAccount plannedWithoutRegions(OrgAccount account, String ouPath, Map<String, String> tags,
            String host) {
        return new PlannedAccount(account, ouPath, tags, List.of(), account.id().equals(host));
    }

    private static OrgAccount listing(String id, Optional<Map<String, OrgAccount>> organization,
            Map<String, OrgAccount> fromFile) {
        OrgAccount listed = organization.map(all -> all.get(id)).orElse(null);
        if (listed != null) {
            return listed;
        }
        return fromFile.getOrDefault(id, OrgAccount.withoutMetadata(id));
    }

    /**
     * The accounts of a targets file, in file order: when the organization can be listed, each must be one of its
     * ACTIVE members (and its metadata is the organization's); otherwise the file's name and e-mail are kept.
     */
    private static Map<String, OrgAccount> fileAccounts(TargetsFile file, Optional<Map<String, OrgAccount>> organization) {
        Map<String, OrgAccount> accounts = new LinkedHashMap<>();
        for (TargetsFile.Row row : file.rows()) {
            if (accounts.containsKey(row.id())) {
                continue;
            }
            if (organization.isPresent()) {
                OrgAccount listed = organization.get().get(row.id());
                String where = file.path() + ":" + row.line() + ": account " + row.id();
                if (listed == null) {
                    throw Validation.fail("targetsFile", row.id(), where + " is not a member of this organization; "
                            + "remove it or check the ID");
                }
                if (!listed.active()) {
                    throw Validation.fail("targetsFile", row.id(), where + " is "
                            + (listed.lifecycle() == null ? "listed without a State" : listed.lifecycle())
                            + ", not ACTIVE; remove it");
                }
                accounts.put(row.id(), listed);
            } else {
                accounts.put(row.id(), new OrgAccount(row.id(), null, row.email(), row.name(), null, null));
            }
        }
        return accounts;
    }

    /** Reads the OU paths and tags the filters need, then applies the filters. */
    private List<PlannedAccount> filter(List<OrgAccount> eligible, Optional<Map<String, OrgAccount>> organization,
            TargetsFile file, String host) {
        Map<String, String> ouPaths = null;
        Map<String, Map<String, String>> tags = null;
        if (filters.any() && organization.isEmpty()) {
            AccountFilter undecidable = filters.undecidableWithoutOrganization(file != null && file.hasNamesOrEmails());
            if (undecidable != null) {
                throw Validation.fail(undecidable.option(), undecidable.expression(), undecidable.describe()
                        + " cannot be decided: the organization's accounts cannot be listed "
                        + "(organizations:ListAccounts), so their " + undecidable.key().name().toLowerCase(java.util.Locale.ROOT)
                        + " is unknown; run from the management account or a delegated administrator, or filter by id");
            }
        } else if (filters.any()) {
            if (filters.needOuPaths()) {
                ouPaths = tree.accountPaths(filters.optionLookingAt(AccountFilter.Key.OU));
            }
            if (filters.needTags()) {
                tags = AccountTags.read(clients.organizations(), eligible.stream().map(OrgAccount::id).toList(),
                        filters.optionLookingAt(AccountFilter.Key.TAG));
            }
        }
        List<PlannedAccount> accounts = new ArrayList<>();
        for (OrgAccount account : eligible) {
            accounts.add(plannedWithoutRegions(account, ouPaths == null ? null : ouPaths.get(account.id()),
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

    /** Gives each account its regions: the targets file's, the named ones, or its enabled ones expanded. */
    private List<PlannedAccount> withRegions(List<PlannedAccount> accounts, TargetsFile file, String host,
            String partition, RoleKeeper keeper) {
        Map<String, List<String>> fileRegions = fileRegions(file);
        List<String> fixed = regions.needsLookup() ? null : regions.fixed(assumingRegion);
        List<String> lookUp = new ArrayList<>();
        for (PlannedAccount account : accounts) {
            if (!fileRegions.containsKey(account.id()) && fixed == null) {
                lookUp.add(account.id());
            }
        }
        Map<String, EnabledRegions.Lookup> found = lookUp.isEmpty() ? Map.of()
                : enabledRegions(partition).lookUp(lookUp, host);
        List<PlannedAccount> planned = new ArrayList<>();
        List<String> without = new ArrayList<>();
        for (PlannedAccount account : accounts) {
            List<String> own;
            if (fileRegions.containsKey(account.id())) {
                own = regions.withoutExcluded(fileRegions.get(account.id()));
            } else if (fixed != null) {
                own = fixed;
            } else {
                own = regionsOf(account.id(), found.get(account.id()), keeper);
            }
            if (own.isEmpty()) {
                without.add(account.id());
            } else {
                planned.add(account.withRegions(own));
            }
        }
        if (!without.isEmpty()) {
            LOG.info("{} account(s) have no enabled region that {} select, and are left out: {}", without.size(),
                    regions.describe(), without);
        }
        if (planned.isEmpty()) {
            throw Validation.fail(fileRegions.isEmpty() ? "regions" : "excludeRegions", null, "no selected account "
                    + "has a region to run in: " + regions.describe() + " select none of the regions enabled in the "
                    + without.size() + " selected account(s)");
        }
        return planned;
    }

    private List<String> regionsOf(String accountId, EnabledRegions.Lookup lookup, RoleKeeper keeper) {
        if (lookup.regions() == null) {
            // The role could not be assumed: the account is reported once, as failing to assume its role.
            lookup.role().expectUsers(1);
            keeper.keep(accountId, lookup.role());
            return List.of(assumingRegion.id());
        }
        List<String> own = regions.expand(lookup.regions());
        if (lookup.role() != null) {
            lookup.role().expectUsers(own.size());
            if (!own.isEmpty()) {
                keeper.keep(accountId, lookup.role());
            }
        }
        return own;
    }

    private EnabledRegions enabledRegions(String partition) {
        AssumeRoleRequests requests = new AssumeRoleRequests(config, partition);
        return new EnabledRegions(new SignedCall(clients.httpClient(), config.get(Options.API_CALL_ATTEMPT_TIMEOUT)),
                new RegionEndpoints(config, assumingRegion), clients.credentials(),
                id -> new AccountRole(clients.sts(), requests.forAccount(id), 0), config.get(Options.THREAD_WORKERS));
    }

    private static Map<String, List<String>> fileRegions(TargetsFile file) {
        Map<String, List<String>> byAccount = new LinkedHashMap<>();
        if (file == null) {
            return byAccount;
        }
        for (TargetsFile.Row row : file.rows()) {
            if (row.region() != null) {
                byAccount.computeIfAbsent(row.id(), id -> new ArrayList<>()).add(row.region());
            }
        }
        for (TargetsFile.Row row : file.rows()) {
            if (row.region() == null && byAccount.containsKey(row.id())) {
                throw Validation.fail("targetsFile", row.id(), file.path() + ":" + row.line() + ": account "
                        + row.id() + " has no Region here but has one on other lines; give every row of an account a "
                        + "Region, or none");
            }
        }
        return byAccount;
    }

    private Set<String> ignored(Optional<Map<String, OrgAccount>> organization, String host, boolean includeHost) {
        Set<String> ignored = expand(config.get(Options.IGNORE_IDS), organization, false);
        if (!includeHost) {
            ignored.add(host);
        }
        return ignored;
    }

    private Set<String> expand(List<String> ids, Optional<Map<String, OrgAccount>> organization, boolean targets) {
        String option = targets ? "targetIds" : "ignoreIds";
        Set<String> accounts = new LinkedHashSet<>();
        List<String> parents = new ArrayList<>();
        for (String id : ids) {
            switch (Ids.kindOf(id, option)) {
                case ACCOUNT -> {
                    if (targets) {
                        requireActiveMember(id, organization);
                    }
                    accounts.add(id);
                }
                case ROOT -> {
                    requireThisOrganizationsRoot(id, targets);
                    if (organization.isPresent() && roots().isPresent()) {
                        accounts.addAll(activeIds(organization.get().values()));
                    } else {
                        parents.add(id);
                    }
                }
                case OU -> parents.add(id);
                case PATH -> {
                    String parent = tree.idOf(id, option);
                    if (OuPath.ROOT.equals(id) && organization.isPresent()) {
                        accounts.addAll(activeIds(organization.get().values()));
                    } else {
                        parents.add(parent);
                    }
                }
            }
        }
        if (!parents.isEmpty()) {
            for (String id : directory.accountsUnder(parents, option)) {
                // Below an OU, only ACTIVE accounts run; suspended ones are skipped as botocove does.
                if (organization.isEmpty() || !targets || isActive(id, organization.get())) {
                    accounts.add(id);
                }
            }
        }
        return targets ? accounts : new HashSet<>(accounts);
    }

    /**
     * A root ID selects the whole organization, so one typo must not select everything: the ID must be
     * this organization's root. When the roots cannot be listed, the root is expanded with ListChildren,
     * which fails for a root that is not this organization's instead of selecting every account.
     */
    private void requireThisOrganizationsRoot(String id, boolean targets) {
        Optional<Set<String>> listed = roots();
        if (listed.isPresent() && !listed.get().contains(id)) {
            String option = targets ? "targetIds" : "ignoreIds";
            throw Validation.fail(option, id, id + " is not the root of this organization (its root is "
                    + String.join(", ", listed.get()) + "); remove it or check the ID with 'aws organizations "
                    + "list-roots'");
        }
    }

    private static void requireActiveMember(String id, Optional<Map<String, OrgAccount>> organization) {
        if (organization.isEmpty()) {
            return;
        }
        OrgAccount account = organization.get().get(id);
        if (account == null) {
            throw Validation.fail("targetIds", id, "account " + id + " is not a member of this organization; "
                    + "remove it or check the ID");
        }
        if (!account.active()) {
            String lifecycle = account.lifecycle() == null ? "listed without a State" : account.lifecycle();
            throw Validation.fail("targetIds", id, "account " + id + " is " + lifecycle + ", not ACTIVE; "
                    + "remove it");
        }
    }

    private static boolean isActive(String id, Map<String, OrgAccount> organization) {
        OrgAccount account = organization.get(id);
        return account != null && account.active();
    }

    private static Set<String> activeIds(Iterable<OrgAccount> accounts) {
        Set<String> ids = new LinkedHashSet<>();
        for (OrgAccount a : accounts) {
            if (a.active()) {
                ids.add(a.id());
            }
        }
        return ids;
    }

    /** Says truthfully why a selection left no account: what the organization holds, and what removed what. */
    private String whyNothingIsLeft(Set<String> selected, Set<String> ignored, String caller, boolean includeHost,
            Optional<Map<String, OrgAccount>> organization) {
        TargetsFile file = config.get(Options.TARGETS_FILE);
        if (selected.isEmpty()) {
            if (config.get(Options.TARGET_IDS) != null) {
                return "the selected IDs " + config.get(Options.TARGET_IDS) + " hold no ACTIVE account";
            }
            Collection<OrgAccount> all = organization.map(Map::values).orElse(List.of());
            return "the organization lists " + all.size() + " account(s), none of them ACTIVE"
                    + (all.isEmpty() ? "" : " (" + lifecycleCounts(all) + ")");
        }
        long byCaller = !includeHost && selected.contains(caller) ? 1 : 0;
        long byIgnores = selected.stream().filter(id -> ignored.contains(id) && !(id.equals(caller) && byCaller > 0))
                .count();
        String source = config.get(Options.TARGET_IDS) == null ? "" : "the selected IDs " + config.get(Options.TARGET_IDS);
        if (file != null) {
            source = (source.isEmpty() ? "" : source + " and ") + "the targets file " + file.path();
        }
        StringBuilder why = new StringBuilder(source.isEmpty()
                ? "the organization's " + selected.size() + " ACTIVE account(s)"
                : "the " + selected.size() + " ACTIVE account(s) of " + source);
        why.append(" are all removed: ");
        if (byIgnores > 0) {
            why.append(byIgnores).append(" by the ignored IDs ").append(config.get(Options.IGNORE_IDS));
        }
        if (byCaller > 0) {
            why.append(byIgnores > 0 ? ", " : "").append("1 as the calling account ").append(caller)
                    .append(" (Cove never assumes a role in the account it is called from)");
        }
        return why.toString();
    }

    private static String lifecycleCounts(Collection<OrgAccount> accounts) {
        Map<String, Long> counts = new TreeMap<>();
        for (OrgAccount a : accounts) {
            counts.merge(a.lifecycle() == null ? "no State" : a.lifecycle(), 1L, Long::sum);
        }
        StringJoiner joined = new StringJoiner(", ");
        counts.forEach((state, n) -> joined.add(n + " " + state));
        return joined.toString();
    }

    private static String partitionOf(String callerArn) {
        String[] parts = callerArn == null ? new String[0] : callerArn.split(":", 3);
        if (parts.length < 3 || !parts[0].equals("arn") || parts[1].isEmpty()) {
            throw Validation.fail("partition", callerArn, "cannot read the partition of the caller's ARN "
                    + callerArn + "; set the partition explicitly");
        }
        return parts[1];
    }
}
