package dev.cove.internal;

import dev.cove.CoveTarget;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What a run will do: the eligible accounts (sorted by ID), each with its regions (in run order), and the
 * partition for role ARNs. Targets are numbered account-major: an account's targets follow one another.
 */
public final class RunPlan {

    private final String partition;
    private final List<PlannedAccount> accounts;
    /** The position of each account's first target. */
    private final int[] offsets;
    private final int size;

    /**
     * Creates the plan.
     *
     * @param partition the partition for role ARNs
     * @param accounts the accounts, sorted by ID, each with at least one region
     */
    RunPlan(String partition, List<PlannedAccount> accounts) {
        this.partition = partition;
        this.accounts = List.copyOf(accounts);
        this.offsets = new int[accounts.size()];
        int position = 0;
        for (int i = 0; i < accounts.size(); i++) {
            offsets[i] = position;
            position += accounts.get(i).regions().size();
        }
        this.size = position;
    }

    /**
     * Returns the partition for role ARNs.
     *
     * @return e.g. {@code aws}
     */
    public String partition() {
        return partition;
    }

    /**
     * Returns the accounts, sorted by ID.
     *
     * @return the accounts
     */
    List<PlannedAccount> accounts() {
        return accounts;
    }

    /**
     * Returns the number of account × region targets.
     *
     * @return the number of targets
     */
    public int size() {
        return size;
    }

    /**
     * Returns the position of an account's first target.
     *
     * @param accountIndex the account's index
     * @return the position
     */
    int offset(int accountIndex) {
        return offsets[accountIndex];
    }

    /**
     * Returns the index of the account a target position belongs to.
     *
     * @param position a target's position
     * @return the account's index
     */
    int accountAt(int position) {
        int found = Arrays.binarySearch(offsets, position);
        if (found >= 0) {
            // accounts with no region share an offset with the next one; plans hold none, but be exact
            while (found + 1 < offsets.length && offsets[found + 1] == position) {
                found++;
            }
            return found;
        }
        return -found - 2;
    }

    /**
     * Returns how many regions the account with the most has, for log lines.
     *
     * @return the largest number of regions of one account
     */
    int maxRegions() {
        return accounts.stream().mapToInt(a -> a.regions().size()).max().orElse(0);
    }

    /**
     * Returns every account × region target, account-major.
     *
     * @return the targets
     */
    public List<CoveTarget> targets() {
        List<CoveTarget> targets = new ArrayList<>(size);
        for (PlannedAccount account : accounts) {
            for (String region : account.regions()) {
                targets.add(account.target(region));
            }
        }
        return targets;
    }
}
