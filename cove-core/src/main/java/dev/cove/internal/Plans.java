package dev.cove.internal;

import dev.cove.CoveTarget;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks a plan given to the builder: the account × region targets a run is to visit, as {@code targets()}
 * or {@code cove targets -f jsonl} made them.
 */
final class Plans {

    private Plans() {
    }

    /**
     * Checks a plan and returns an immutable copy: at least one target, 12-digit account IDs, known regions,
     * no target twice, and each account either with a region on every target or on none.
     *
     * @param plan the plan, or null for none
     * @return the checked plan, or null
     * @throws dev.cove.CoveConfigurationException naming the first bad target
     */
    static List<CoveTarget> check(Collection<CoveTarget> plan) {
        if (plan == null) {
            return null;
        }
        if (plan.isEmpty()) {
            throw Validation.fail("plan", "[]", "must not be empty: give the targets to run, or leave the plan unset"
                    + " to resolve a selection");
        }
        Set<String> seen = new HashSet<>();
        Map<String, Boolean> withRegion = new HashMap<>();
        List<CoveTarget> checked = new ArrayList<>(plan.size());
        for (CoveTarget target : plan) {
            if (target == null) {
                throw Validation.fail("plan", "null", "a target of the plan is null");
            }
            if (Ids.kindOf(target.id(), "plan") != Ids.Kind.ACCOUNT) {
                throw Validation.fail("plan", target.id(), "a plan names accounts by their 12-digit ID, not "
                        + Ids.quote(target.id()));
            }
            if (target.region() != null) {
                Validation.region(target.region(), "plan");
            }
            if (!seen.add(target.id() + "/" + target.region())) {
                throw Validation.fail("plan", target.id() + " " + target.region(), "account " + target.id()
                        + (target.region() == null ? "" : " region " + target.region()) + " is in the plan twice");
            }
            Boolean before = withRegion.putIfAbsent(target.id(), target.region() != null);
            if (before != null && before != (target.region() != null)) {
                throw Validation.fail("plan", target.id(), "account " + target.id() + " has targets with a region and"
                        + " one without: give it a region on every target, or on none (then it runs in the run's"
                        + " regions)");
            }
            checked.add(target);
        }
        return List.copyOf(checked);
    }
}
