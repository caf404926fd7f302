package dev.cove.internal;

import dev.cove.CoveAccount;
import dev.cove.CoveTarget;
import java.util.List;
import java.util.Map;

/**
 * One account of a run: as the organization (or a targets file) lists it, with its OU path and tags where the
 * selection read them, the regions it runs in, and whether it is the calling account (run with the calling
 * credentials, no role assumed).
 *
 * @param listing the account as listed
 * @param ouPath its OU path, or null when not read
 * @param tags its tags, or null when not read
 * @param regions its regions, in run order
 * @param host whether it is the calling account
 */
record PlannedAccount(OrgAccount listing, String ouPath, Map<String, String> tags, List<String> regions,
        boolean host) {

    PlannedAccount {
        regions = List.copyOf(regions);
        tags = tags == null ? null : Map.copyOf(tags);
    }

    /**
     * Returns the account ID.
     *
     * @return the 12-digit ID
     */
    String id() {
        return listing.id();
    }

    /**
     * Returns a copy with other regions.
     *
     * @param regions the regions
     * @return the copy
     */
    PlannedAccount withRegions(List<String> regions) {
        return new PlannedAccount(listing, ouPath, tags, regions, host);
    }

    /**
     * Returns the account as filters see it.
     *
     * @return the view
     */
    CoveAccount view() {
        return new CoveAccount(listing.id(), listing.arn(), listing.email(), listing.name(), listing.status(),
                listing.state(), ouPath, tags);
    }

    /**
     * Returns one of the account's targets.
     *
     * @param region the region
     * @return the target
     */
    CoveTarget target(String region) {
        return new CoveTarget(listing.id(), region, listing.arn(), listing.email(), listing.name(), listing.status(),
                listing.state(), ouPath, tags);
    }
}
