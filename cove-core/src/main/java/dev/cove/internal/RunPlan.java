package dev.cove.internal;

import dev.cove.CoveTarget;
import java.util.ArrayList;
import java.util.List;

/**
 * What a run will do: the eligible accounts (sorted by ID) and the regions (in the given order), the
 * partition for role ARNs, and the calling account.
 *
 * @param partition the partition for role ARNs
 * @param accounts the eligible accounts, sorted by ID
 * @param regions the regions, in the order given
 */
public record RunPlan(String partition, List<OrgAccount> accounts, List<String> regions) {

    /** Copies the lists so the plan stays immutable. */
    public RunPlan {
        accounts = List.copyOf(accounts);
        regions = List.copyOf(regions);
    }

    /**
     * Returns the number of account × region targets.
     *
     * @return accounts times regions
     */
    public int size() {
        return accounts.size() * regions.size();
    }

    /**
     * Returns every account × region target, account-major.
     *
     * @return the targets
     */
    public List<CoveTarget> targets() {
        List<CoveTarget> targets = new ArrayList<>(size());
        for (OrgAccount a : accounts) {
            for (String region : regions) {
                targets.add(new CoveTarget(a.id(), region, a.arn(), a.email(), a.name(), a.status(),
                        a.state()));
            }
        }
        return targets;
    }
}
