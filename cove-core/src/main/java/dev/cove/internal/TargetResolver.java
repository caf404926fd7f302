package dev.cove.internal;

import dev.cove.CoveTarget;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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
    /** How the organization is listed: a run's rule, until {@link #resolve()} makes this a dry run. */
    private DiscoveryMode discovery;
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
        this.discovery = DiscoveryMode.of(config, false);
    }

    /**
     * Resolves the run's accounts and regions for a dry run: roles assumed on the way are dropped.
     *
     * @return the plan
     * @throws dev.cove.CoveConfigurationException when the selection is invalid or leaves no eligible account
     */
    RunPlan resolve() {
        discovery = DiscoveryMode.of(config, true);
        return resolve((partition, account) -> { }, RoleKeeper.DROP);
    }

    /**
     * Resolves the run's accounts and regions: the given plan, else the selection, then this run's share of
     * them when the run is sharded. When every account of the organization is selected, no account's regions
     * must be looked up, every filter can be decided from the listing and the run is not sharded, the ignored
     * accounts are known before the listing starts, so each eligible account is announced to {@code onEligible}
     * as soon as its page arrives; otherwise nothing is announced, since the selection must be validated whole
     * before any role is assumed (and a shard's accounts are known only once every account is).
     *
     * @param onEligible told of each account that will surely be in the plan, with the run's partition; called
     *     never concurrently, but possibly from a thread that walks the OU tree (see {@link DiscoveryMode})
     * @param keeper takes the roles assumed to read accounts' regions
     * @return the plan
     * @throws dev.cove.CoveConfigurationException when the selection is invalid or leaves no eligible account
     */
    RunPlan resolve(BiConsumer<String, OrgAccount> onEligible, RoleKeeper keeper) {
        GetCallerIdentityResponse caller = callerIdentity();
        String host = caller.account();
        String partition = config.get(Options.PARTITION) != null ? config.get(Options.PARTITION) : partitionOf(caller.arn());
        Shard shard = config.get(Options.SHARD);
        RunPlan plan = config.get(Options.PLAN) != null
                ? fromPlan(config.get(Options.PLAN), host, partition, keeper)
                : fromSelection(host, partition, shard == null ? onEligible : (p, account) -> { }, keeper);
        if (shard == null) {
            return plan;
        }
        RunPlan share = plan.share(shard.index(), shard.count());
        LOG.info("Shard {}: {} of {} accounts, {} of {} targets", shard, share.accounts().size(),
                plan.accounts().size(), share.size(), plan.size());
        return share;
    }

    /** The plan given: its accounts, less the ignored ones (and the caller unless included), in their regions. */
    private RunPlan fromPlan(List<CoveTarget> planned, String host, String partition, RoleKeeper keeper) {
        boolean includeHost = config.get(Options.INCLUDE_HOST_ACCOUNT);
        Set<String> ignored = ignored(Optional.empty(), host, includeHost);
        Map<String, CoveTarget> accounts = new TreeMap<>();
        Map<String, List<String>> regionsOf = new HashMap<>();
        for (CoveTarget target : planned) {
            if (ignored.contains(target.id())) {
                continue;
            }
            accounts.putIfAbsent(target.id(), target);
            if (target.region() != null) {
                regionsOf.computeIfAbsent(target.id(), id -> new ArrayList<>()).add(target.region());
            }
        }
        if (accounts.isEmpty()) {
            throw Validation.fail("plan", null, "There are no eligible account ids to run against: every account of "
                    + "the plan is removed by the ignored IDs " + config.get(Options.IGNORE_IDS) + " or as the calling "
                    + "account " + host);
        }
        List<PlannedAccount> withRegions = new ArrayList<>();
        List<PlannedAccount> withoutRegions = new ArrayList<>();
        for (CoveTarget target : accounts.values()) {
            OrgAccount listing = new OrgAccount(target.id(), target.arn(), target.email(), target.name(),
                    target.status(), target.state());
            PlannedAccount account = new PlannedAccount(listing, target.ouPath(), target.tags(),
                    regionsOf.getOrDefault(target.id(), List.of()), target.id().equals(host));
            (account.regions().isEmpty() ? withoutRegions : withRegions).add(account);
        }
        if (!withoutRegions.isEmpty()) {
            // accounts the plan gives no region run in the run's regions, as a selection's accounts would
            withRegions.addAll(new RegionPlanner(config, clients, assumingRegion)
                    .withRegions(withoutRegions, null, host, partition, keeper));
        }
        withRegions.sort(Comparator.comparing(PlannedAccount::id));
        LOG.debug("Planned {} accounts (caller {}, partition {})", withRegions.size(), host, partition);
        return new RunPlan(partition, withRegions);
    }

    /** The selection: target IDs, a targets file or the whole organization, less the ignored IDs, filtered. */
    private RunPlan fromSelection(String host, String partition, BiConsumer<String, OrgAccount> onEligible,
            RoleKeeper keeper) {
        boolean includeHost = config.get(Options.INCLUDE_HOST_ACCOUNT);
        TargetsFile file = config.get(Options.TARGETS_FILE);
        boolean wholeOrganization = config.get(Options.TARGET_IDS) == null && file == null;
        boolean announce = wholeOrganization && !regions.needsLookup() && filters.decidableFromListing();
        Set<String> ignoredEarly = wholeOrganization ? ignored(Optional.empty(), host, includeHost) : null;
        // A plan (every row with its regions) that is the whole selection runs as given, as Builder.plan does:
        // no shard of a scaled-out run lists the organization again; its accounts keep the file's names and e-mails.
        boolean asPlanned = file != null && file.isPlan() && config.get(Options.TARGET_IDS) == null && !filters.any();
        Optional<Map<String, OrgAccount>> organization = asPlanned ? Optional.empty()
                : directory.listAccounts(discovery, account -> {
                    if (announce && account.active() && !account.id().equals(host)
                            && !ignoredEarly.contains(account.id())
                            && filters.passes(plannedWithoutRegions(account, null, null, host).view())) {
                        onEligible.accept(partition, account);
                    }
                });
        if (wholeOrganization && organization.isEmpty()) {
            throw Validation.fail("targetIds", null, "cannot list the organization's accounts, and no account IDs "
                    + "were given: run from the management account or a delegated administrator (needs "
                    + "organizations:ListAccounts), or give account IDs or a targets file");
        }
        Map<String, OrgAccount> fromFile = file == null ? Map.of() : file.accounts(organization);
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
                    + EmptySelection.why(config, selected, ignored, host, includeHost, organization));
        }
        List<PlannedAccount> accounts = new AccountFiltering(filters, tree, clients.organizations())
                .apply(eligible, organization, file, host);
        accounts.sort(Comparator.comparing(PlannedAccount::id));
        List<PlannedAccount> planned = new RegionPlanner(config, clients, assumingRegion)
                .withRegions(accounts, file, host, partition, keeper);
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

    static PlannedAccount plannedWithoutRegions(OrgAccount account, String ouPath, Map<String, String> tags,
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

    private static String partitionOf(String callerArn) {
        String[] parts = callerArn == null ? new String[0] : callerArn.split(":", 3);
        if (parts.length < 3 || !parts[0].equals("arn") || parts[1].isEmpty()) {
            throw Validation.fail("partition", callerArn, "cannot read the partition of the caller's ARN "
                    + callerArn + "; set the partition explicitly");
        }
        return parts[1];
    }
}
