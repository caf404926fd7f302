package dev.cove.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.regions.Region;

/**
 * Gives each selected account its regions: the rows of the targets file, else the named regions (the same for
 * every account), else the account's enabled regions that {@code all} and the globs select; then
 * {@code excludeRegions} removes. An account left without a region is left out (and logged); a selection that
 * leaves none anywhere is an error.
 */
final class RegionPlanner {

    private static final Logger LOG = LoggerFactory.getLogger(RegionPlanner.class);

    private final CoveConfig config;
    private final AwsClients clients;
    private final Region assumingRegion;
    private final RegionSelection regions;

    RegionPlanner(CoveConfig config, AwsClients clients, Region assumingRegion) {
        this.config = config;
        this.clients = clients;
        this.assumingRegion = assumingRegion;
        this.regions = RegionSelection.of(config);
    }

    /**
     * Returns the accounts with their regions.
     *
     * @param accounts the selected accounts, sorted by ID
     * @param file the targets file, or null
     * @param host the calling account
     * @param partition the run's partition
     * @param keeper takes the roles assumed to read accounts' regions
     * @return the accounts that run somewhere, each with its regions
     * @throws dev.cove.CoveConfigurationException when no account has a region to run in, or an account's regions
     *     cannot be read
     */
    List<PlannedAccount> withRegions(List<PlannedAccount> accounts, TargetsFile file, String host,
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
}
