package dev.cove.internal;

import dev.cove.CoveTarget;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
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
 * Turns a selection (target IDs, ignore IDs, regions) into the accounts and regions of a run, with
 * botocove's rules: ignores win over targets, the calling account is always ignored, and an explicitly
 * targeted account must be an ACTIVE member when the organization can be listed.
 */
final class TargetResolver {

    private static final Logger LOG = LoggerFactory.getLogger(TargetResolver.class);

    private final CoveConfig config;
    private final AwsClients clients;
    private final Region assumingRegion;
    private final OrganizationDirectory directory;
    /** The organization's roots, listed on first need; empty when they cannot be listed. */
    private Optional<Set<String>> roots;

    TargetResolver(CoveConfig config, AwsClients clients, Region assumingRegion) {
        this.config = config;
        this.clients = clients;
        this.assumingRegion = assumingRegion;
        this.directory = new OrganizationDirectory(clients.organizations());
    }

    /**
     * Resolves the run's accounts and regions.
     *
     * @return the plan
     * @throws dev.cove.CoveConfigurationException when the selection is invalid or leaves no eligible account
     */
    RunPlan resolve() {
        return resolve((partition, account) -> { });
    }

    /**
     * Resolves the run's accounts and regions: the given plan, else the selection, then this run's share of
     * them when the run is sharded. When every account of the organization is selected (and the run is not
     * sharded), the ignored accounts are known before the listing starts, so each eligible account is
     * announced to {@code onEligible} as soon as its page arrives; with {@code targetIds}, nothing is
     * announced, since the selection must be validated whole before any role is assumed, and with a shard
     * neither, since an account's share is known only once every account is.
     *
     * @param onEligible told of each account that will surely be in the plan, with the run's partition
     * @return the plan
     * @throws dev.cove.CoveConfigurationException when the selection is invalid or leaves no eligible account
     */
    RunPlan resolve(BiConsumer<String, OrgAccount> onEligible) {
        GetCallerIdentityResponse caller = callerIdentity();
        String partition = config.get(Options.PARTITION) != null ? config.get(Options.PARTITION) : partitionOf(caller.arn());
        Shard shard = config.get(Options.SHARD);
        RunPlan plan = config.get(Options.PLAN) != null ? fromPlan(config.get(Options.PLAN), caller, partition)
                : fromSelection(caller, partition, shard == null ? onEligible : (p, account) -> { });
        if (shard == null) {
            return plan;
        }
        RunPlan share = plan.share(shard.index(), shard.count());
        LOG.info("Shard {}: {} of {} accounts, {} of {} targets", shard, share.accounts().size(),
                plan.accounts().size(), share.size(), plan.size());
        return share;
    }

    /** The plan given: its accounts, less the ignored ones and the caller, in their regions. */
    private RunPlan fromPlan(List<CoveTarget> planned, GetCallerIdentityResponse caller, String partition) {
        Set<String> ignored = ignored(Optional.empty(), caller);
        Map<String, OrgAccount> accounts = new TreeMap<>();
        Map<String, List<String>> regions = new HashMap<>();
        for (CoveTarget target : planned) {
            if (ignored.contains(target.id())) {
                continue;
            }
            accounts.putIfAbsent(target.id(), new OrgAccount(target.id(), target.arn(), target.email(), target.name(),
                    target.status(), target.state()));
            if (target.region() != null) {
                regions.computeIfAbsent(target.id(), id -> new ArrayList<>()).add(target.region());
            }
        }
        if (accounts.isEmpty()) {
            throw Validation.fail("plan", null, "There are no eligible account ids to run against: every account of "
                    + "the plan is removed by the ignored IDs " + config.get(Options.IGNORE_IDS) + " or as the calling "
                    + "account " + caller.account());
        }
        List<String> runRegions = runRegions();
        List<List<String>> perAccount = new ArrayList<>(accounts.size());
        for (String id : accounts.keySet()) {
            perAccount.add(regions.getOrDefault(id, runRegions));
        }
        LOG.debug("Planned {} accounts (caller {}, partition {})", accounts.size(), caller.account(), partition);
        return new RunPlan(partition, new ArrayList<>(accounts.values()), perAccount);
    }

    private List<String> runRegions() {
        return config.get(Options.REGIONS) != null ? config.get(Options.REGIONS) : List.of(assumingRegion.id());
    }

    /** The selection: target IDs (or the whole organization) less the ignored IDs and the caller. */
    private RunPlan fromSelection(GetCallerIdentityResponse caller, String partition,
            BiConsumer<String, OrgAccount> onEligible) {
        boolean wholeOrganization = config.get(Options.TARGET_IDS) == null;
        Set<String> ignoredEarly = wholeOrganization ? ignored(Optional.empty(), caller) : null;
        Optional<Map<String, OrgAccount>> organization = directory.listAccounts(account -> {
            if (wholeOrganization && account.active() && !ignoredEarly.contains(account.id())) {
                onEligible.accept(partition, account);
            }
        });
        if (config.get(Options.TARGET_IDS) == null && organization.isEmpty()) {
            throw Validation.fail("targetIds", null, "cannot list the organization's accounts, and no account IDs "
                    + "were given: run from the management account or a delegated administrator (needs "
                    + "organizations:ListAccounts), or give account IDs");
        }
        Set<String> selected = config.get(Options.TARGET_IDS) == null
                ? activeIds(organization.get().values())
                : expand(config.get(Options.TARGET_IDS), organization, true);
        Set<String> ignored = wholeOrganization ? ignoredEarly : ignored(organization, caller);
        List<OrgAccount> eligible = new ArrayList<>();
        for (String id : selected) {
            if (!ignored.contains(id)) {
                eligible.add(organization.map(all -> all.get(id)).orElseGet(() -> OrgAccount.withoutMetadata(id)));
            }
        }
        if (eligible.isEmpty()) {
            throw Validation.fail("targetIds", null, "There are no eligible account ids to run against: "
                    + whyNothingIsLeft(selected, ignored, caller.account(), organization));
        }
        eligible.sort(Comparator.comparing(OrgAccount::id));
        List<String> regions = runRegions();
        LOG.debug("Resolved {} accounts x {} regions (caller {}, partition {})", eligible.size(), regions.size(),
                caller.account(), partition);
        return RunPlan.everyAccountIn(partition, eligible, regions);
    }

    private GetCallerIdentityResponse callerIdentity() {
        return new CallerIdentity(config, clients.sts(), assumingRegion).call();
    }

    private Set<String> ignored(Optional<Map<String, OrgAccount>> organization, GetCallerIdentityResponse caller) {
        Set<String> ignored = expand(config.get(Options.IGNORE_IDS), organization, false);
        ignored.add(caller.account());
        return ignored;
    }

    private Set<String> expand(List<String> ids, Optional<Map<String, OrgAccount>> organization, boolean targets) {
        Set<String> accounts = new LinkedHashSet<>();
        List<String> parents = new ArrayList<>();
        for (String id : ids) {
            switch (Ids.kindOf(id, targets ? "targetIds" : "ignoreIds")) {
                case ACCOUNT -> {
                    if (targets) {
                        requireActiveMember(id, organization);
                    }
                    accounts.add(id);
                }
                case ROOT -> {
                    requireThisOrganizationsRoot(id, targets);
                    if (organization.isPresent() && roots.isPresent()) {
                        accounts.addAll(activeIds(organization.get().values()));
                    } else {
                        parents.add(id);
                    }
                }
                case OU -> parents.add(id);
            }
        }
        if (!parents.isEmpty()) {
            for (String id : directory.accountsUnder(parents, targets ? "targetIds" : "ignoreIds")) {
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
        if (roots == null) {
            roots = directory.roots();
        }
        if (roots.isPresent() && !roots.get().contains(id)) {
            String option = targets ? "targetIds" : "ignoreIds";
            throw Validation.fail(option, id, id + " is not the root of this organization (its root is "
                    + String.join(", ", roots.get()) + "); remove it or check the ID with 'aws organizations "
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
    private String whyNothingIsLeft(Set<String> selected, Set<String> ignored, String caller,
            Optional<Map<String, OrgAccount>> organization) {
        if (selected.isEmpty()) {
            if (config.get(Options.TARGET_IDS) != null) {
                return "the selected IDs " + config.get(Options.TARGET_IDS) + " hold no ACTIVE account";
            }
            Collection<OrgAccount> all = organization.map(Map::values).orElse(List.of());
            return "the organization lists " + all.size() + " account(s), none of them ACTIVE"
                    + (all.isEmpty() ? "" : " (" + lifecycleCounts(all) + ")");
        }
        long byCaller = selected.contains(caller) ? 1 : 0;
        long byIgnores = selected.stream().filter(id -> ignored.contains(id) && !id.equals(caller)).count();
        StringBuilder why = new StringBuilder(config.get(Options.TARGET_IDS) == null
                ? "the organization's " + selected.size() + " ACTIVE account(s)"
                : "the " + selected.size() + " ACTIVE account(s) of the selected IDs "
                        + config.get(Options.TARGET_IDS));
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
