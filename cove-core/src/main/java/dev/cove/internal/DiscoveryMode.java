package dev.cove.internal;

import java.util.List;

/**
 * How the organization's accounts may be listed. {@code ListAccounts} is one chain of pages of at most 20
 * accounts, each page needing the previous page's NextToken, so a large organization trickles in (5,000
 * accounts at 50 ms a request take 12.6 s); walking the OU tree lists the accounts of every root and OU
 * concurrently instead, at the price of more requests (see {@link OrganizationDirectory#listAccounts}).
 */
enum DiscoveryMode {

    /** Only the {@code ListAccounts} chain. */
    CHAIN,
    /** The chain, switching to the concurrent OU-tree walk when the organization turns out to be large. */
    TREE_WHEN_LARGE;

    /**
     * The most accounts one ListAccounts page brings. Each needs one AssumeRole and one call per region, so a
     * page is at most 20 × (regions + 1) requests of work: that many workers finish it in about the time of
     * one request, then wait for the next page.
     */
    static final int ACCOUNTS_PER_PAGE = 20;

    /**
     * Returns how a run or dry run lists the organization. The tree is allowed when the chain would starve
     * the run: when it has at least {@code 20 × (regions per account + 1)} workers (regions per account
     * counted as 1 when they must be looked up), since a page then cannot keep them busy; and always for
     * a dry run ({@code Cove.targets()}, {@code cove targets}), where the listing is the whole job.
     *
     * @param config the run's settings
     * @param dryRun whether only the targets are resolved
     * @return the mode
     */
    static DiscoveryMode of(CoveConfig config, boolean dryRun) {
        if (dryRun) {
            return TREE_WHEN_LARGE;
        }
        RegionSelection regions = RegionSelection.of(config);
        List<String> named = config.get(Options.REGIONS);
        int regionsPerAccount = regions.needsLookup() || named == null ? 1
                : Math.max(1, regions.withoutExcluded(named).size());
        int workers = config.get(Options.THREAD_WORKERS);
        return workers >= ACCOUNTS_PER_PAGE * (regionsPerAccount + 1) ? TREE_WHEN_LARGE : CHAIN;
    }
}
