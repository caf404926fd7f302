package dev.cove.internal;

import dev.cove.CoveTarget;
import java.util.List;
import java.util.function.BiConsumer;
import software.amazon.awssdk.regions.Region;

/** The dry run: resolves every target of a configuration without assuming any role. */
public final class TargetResolution {

    private TargetResolution() {
    }

    /**
     * Resolves every account × region a run of this configuration would visit.
     *
     * @param config the run's settings
     * @return the targets, sorted by account ID, then by region order
     */
    public static List<CoveTarget> resolve(CoveConfig config) {
        Region region = assumingRegion(config);
        try (AwsClients clients = AwsClients.open(config, region)) {
            return new TargetResolver(config, clients, region).resolve().targets();
        }
    }

    /**
     * Returns the region of the STS and Organizations clients: the configured one, else the default chain,
     * else the first target region named as such (not {@code all} or a glob).
     *
     * @param config the run's settings
     * @return the region
     * @throws IllegalArgumentException when no region is set anywhere
     */
    static Region assumingRegion(CoveConfig config) {
        if (config.get(Options.ASSUMING_REGION) != null) {
            return config.get(Options.ASSUMING_REGION);
        }
        RegionChain chain = RegionChain.system();
        String named = RegionSelection.of(config).firstNamed();
        if (named != null) {
            return chain.find().orElse(Region.of(named));
        }
        return chain.require();
    }

    /**
     * Resolves the plan of a run, announcing each account that will surely be in it as soon as it is
     * known (see {@link TargetResolver#resolve(BiConsumer, RoleKeeper)}).
     *
     * @param config the run's settings
     * @param clients the run's clients
     * @param region the assuming region
     * @param onEligible told of each such account, with the run's partition
     * @param keeper takes the roles assumed while resolving (to read accounts' regions)
     * @return the plan
     */
    static RunPlan plan(CoveConfig config, AwsClients clients, Region region,
            BiConsumer<String, OrgAccount> onEligible, RoleKeeper keeper) {
        return new TargetResolver(config, clients, region).resolve(onEligible, keeper);
    }
}
