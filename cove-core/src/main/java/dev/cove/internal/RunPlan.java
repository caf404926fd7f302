package dev.cove.internal;

import dev.cove.CoveTarget;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.PriorityQueue;
import java.util.RandomAccess;

/**
 * What a run will do: the eligible accounts (sorted by ID), each with its regions (in run order), and the
 * partition for role ARNs. Every account × region is a target with a position: accounts in order, each
 * account's regions in order (account-major), so the output is sorted by its positions. Immutable; it holds
 * one entry per account, not per target, so that a plan of 300,000 targets stays small.
 */
public final class RunPlan {

    private final String partition;
    private final List<PlannedAccount> accounts;
    /** The position of each account's first target; the last entry is the number of targets. */
    private final int[] offsets;

    /**
     * Creates the plan.
     *
     * @param partition the partition for role ARNs
     * @param accounts the accounts, sorted by ID, each with at least one region
     */
    RunPlan(String partition, List<PlannedAccount> accounts) {
        this.partition = partition;
        this.accounts = List.copyOf(accounts);
        this.offsets = new int[accounts.size() + 1];
        for (int i = 0; i < accounts.size(); i++) {
            offsets[i + 1] = Math.addExact(offsets[i], accounts.get(i).regions().size());
        }
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
        return offsets[accounts.size()];
    }

    /**
     * Returns the index of the account a target position belongs to.
     *
     * @param position a target's position
     * @return the account's index
     */
    private int accountAt(int position) {
        int found = Arrays.binarySearch(offsets, 0, accounts.size(), position);
        if (found >= 0) {
            // accounts with no region share an offset with the next one; plans hold none, but be exact
            while (found + 1 < accounts.size() && offsets[found + 1] == position) {
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
     * Returns every account × region target in position order, as a view that makes each one when asked for
     * it, so that the plan's size costs no memory.
     *
     * @return the targets
     */
    public List<CoveTarget> targets() {
        return new Targets();
    }

    /**
     * Returns the {@code index}-th of {@code count} disjoint shares of this plan, which together hold every
     * target once. Whole accounts go to each share: in account ID order, each account goes to the share
     * with the fewest targets so far (the lowest-numbered on a tie). The same plan always shares out the
     * same way, and the shares differ by at most one account's regions.
     *
     * @param index which share, 0-based
     * @param count how many shares
     * @return the share, possibly empty when there are fewer accounts than shares
     */
    RunPlan share(int index, int count) {
        PriorityQueue<long[]> loads = new PriorityQueue<>((a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0])
                : Long.compare(a[1], b[1]));
        for (int s = 0; s < count; s++) {
            loads.add(new long[] {0, s});
        }
        List<PlannedAccount> kept = new ArrayList<>();
        for (PlannedAccount account : accounts) {
            long[] lightest = loads.poll();
            if (lightest[1] == index) {
                kept.add(account);
            }
            lightest[0] += account.regions().size();
            loads.add(lightest);
        }
        return new RunPlan(partition, kept);
    }

    /** The targets of the plan, each made when asked for. */
    private final class Targets extends AbstractList<CoveTarget> implements RandomAccess {

        @Override
        public CoveTarget get(int position) {
            if (position < 0 || position >= size()) {
                throw new IndexOutOfBoundsException(position);
            }
            int account = accountAt(position);
            return accounts.get(account).target(accounts.get(account).regions().get(position - offsets[account]));
        }

        @Override
        public int size() {
            return RunPlan.this.size();
        }
    }
}
