package dev.cove.testkit;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * An organization shaped the way fleets are run, for tests of account and region selection: tagged accounts in
 * nested OUs, and accounts that differ in which regions they have enabled.
 *
 * <pre>
 * /                 shared-tools   env=shared team=platform
 * /Prod             prod-core      env=prod   team=core
 * /Prod/Web         prod-web-1     env=prod   team=web
 *                   prod-web-2     env=prod   team=web   cost=low
 * /Prod/Data        prod-data      env=prod   team=data
 * /Sandbox          sandbox-alice  env=dev    owner=alice
 * /Sandbox/Labs     sandbox-lab    env=dev
 * </pre>
 *
 * <p>Every account, the management account included, has the six regions of {@link #DEFAULT_REGIONS}
 * {@code ENABLED_BY_DEFAULT}; the opt-in regions ap-east-1, eu-south-1 and me-south-1 differ:
 * prod-core has ap-east-1 ENABLED; prod-web-1 has eu-south-1 ENABLED and ap-east-1 DISABLED; prod-web-2 has
 * ap-east-1 ENABLING and me-south-1 DISABLING; sandbox-alice has me-south-1 ENABLED; the others have all three
 * DISABLED. Feed {@link Fleet#regions()} to {@link FaultProxy.Builder#accountRegions(Map)}.
 */
public final class FleetOrganization {

    /** The regions every account has enabled by default, sorted. */
    public static final List<String> DEFAULT_REGIONS = List.of("eu-central-1", "eu-west-1", "us-east-1",
            "us-east-2", "us-west-1", "us-west-2");

    /** The opt-in regions whose status differs between accounts, sorted. */
    public static final List<String> OPT_IN_REGIONS = List.of("ap-east-1", "eu-south-1", "me-south-1");

    private FleetOrganization() {
    }

    /**
     * Builds the organization in moto (reset it first).
     *
     * @param motoEndpoint the moto endpoint
     * @return the organization and each account's regions
     */
    public static Fleet build(URI motoEndpoint) {
        OrgFixture org = OrganizationBuilder.on(motoEndpoint)
                .account("shared-tools", Map.of("env", "shared", "team", "platform"))
                .ou("Prod", prod -> prod.account("prod-core", Map.of("env", "prod", "team", "core"))
                        .ou("Web", web -> web.account("prod-web-1", Map.of("env", "prod", "team", "web"))
                                .account("prod-web-2", Map.of("env", "prod", "team", "web", "cost", "low")))
                        .ou("Data", data -> data.account("prod-data", Map.of("env", "prod", "team", "data"))))
                .ou("Sandbox", sandbox -> sandbox.account("sandbox-alice", Map.of("env", "dev", "owner", "alice"))
                        .ou("Labs", labs -> labs.account("sandbox-lab", Map.of("env", "dev"))))
                .build();
        Map<String, Map<String, String>> regions = new LinkedHashMap<>();
        regions.put(org.managementAccountId(), statuses(Map.of()));
        regions.put(org.account("shared-tools").id(), statuses(Map.of()));
        regions.put(org.account("prod-core").id(), statuses(Map.of("ap-east-1", "ENABLED")));
        regions.put(org.account("prod-web-1").id(), statuses(Map.of("eu-south-1", "ENABLED", "ap-east-1",
                "DISABLED")));
        regions.put(org.account("prod-web-2").id(), statuses(Map.of("ap-east-1", "ENABLING", "me-south-1",
                "DISABLING")));
        regions.put(org.account("prod-data").id(), statuses(Map.of()));
        regions.put(org.account("sandbox-alice").id(), statuses(Map.of("me-south-1", "ENABLED")));
        regions.put(org.account("sandbox-lab").id(), statuses(Map.of()));
        return new Fleet(org, regions);
    }

    private static Map<String, String> statuses(Map<String, String> optIns) {
        Map<String, String> statuses = new TreeMap<>();
        DEFAULT_REGIONS.forEach(region -> statuses.put(region, "ENABLED_BY_DEFAULT"));
        OPT_IN_REGIONS.forEach(region -> statuses.put(region, "DISABLED"));
        statuses.putAll(optIns);
        return statuses;
    }

    /**
     * The fleet as built.
     *
     * @param org the organization
     * @param regions each account's regions and their RegionOptStatus, by account ID (management account included)
     */
    public record Fleet(OrgFixture org, Map<String, Map<String, String>> regions) {

        /** Copies the map. */
        public Fleet {
            Objects.requireNonNull(org, "org");
            regions = Map.copyOf(regions);
        }

        /**
         * Returns the ID of the member account with this name.
         *
         * @param name e.g. {@code prod-web-1}
         * @return its 12-digit ID
         */
        public String id(String name) {
            return org.account(name).id();
        }

        /**
         * Returns the IDs of the member accounts with these names, sorted.
         *
         * @param names account names
         * @return their IDs, sorted
         */
        public List<String> ids(String... names) {
            return java.util.Arrays.stream(names).map(this::id).sorted().toList();
        }

        /**
         * Returns the regions an account has enabled (ENABLED or ENABLED_BY_DEFAULT), sorted.
         *
         * @param accountId the account
         * @return the regions
         */
        public List<String> enabledRegions(String accountId) {
            return regions.get(accountId).entrySet().stream()
                    .filter(e -> e.getValue().equals("ENABLED") || e.getValue().equals("ENABLED_BY_DEFAULT"))
                    .map(Map.Entry::getKey).sorted().toList();
        }
    }
}
