package dev.cove.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The accounts of a run in the order they joined it, each with the slots of its targets: an account admitted
 * with R regions owns the next R slots, one per region in the account's region order. Accounts join while the
 * organization is still being listed (in listing order) and when the plan is complete (the rest, in plan order),
 * so slots are not the output order; the output is sorted by account ID, then slot. Thread-safe.
 */
final class Admissions {

    private final List<PlannedAccount> accounts = new ArrayList<>();
    private final Map<String, Integer> indexById = new HashMap<>();
    /** offsets[i] is the first slot of account i; offsets[size] is the number of slots. */
    private int[] offsets = new int[64];

    /**
     * Admits an account, unless it was admitted already.
     *
     * @param account the account, with its regions
     * @return its first slot, or -1 when the account was admitted already
     */
    synchronized int admit(PlannedAccount account) {
        if (indexById.putIfAbsent(account.id(), accounts.size()) != null) {
            return -1;
        }
        int index = accounts.size();
        if (index + 2 > offsets.length) {
            offsets = Arrays.copyOf(offsets, offsets.length * 2);
        }
        accounts.add(account);
        offsets[index + 1] = Math.addExact(offsets[index], account.regions().size());
        return offsets[index];
    }

    /**
     * Returns the account admitted with this ID, if any.
     *
     * @param accountId the account ID
     * @return the account, or null
     */
    synchronized PlannedAccount find(String accountId) {
        Integer index = indexById.get(accountId);
        return index == null ? null : accounts.get(index);
    }

    /**
     * Returns how many accounts were admitted.
     *
     * @return the number of accounts
     */
    synchronized int accounts() {
        return accounts.size();
    }

    /**
     * Returns how many targets the admitted accounts have.
     *
     * @return the number of slots
     */
    synchronized int slots() {
        return offsets[accounts.size()];
    }

    /**
     * Returns the account that owns a slot.
     *
     * @param slot a slot below {@link #slots()}
     * @return the account
     */
    synchronized PlannedAccount accountAt(int slot) {
        return accounts.get(indexAt(slot));
    }

    /**
     * Returns the region of a slot.
     *
     * @param slot a slot below {@link #slots()}
     * @return the region
     */
    synchronized String regionAt(int slot) {
        int index = indexAt(slot);
        return accounts.get(index).regions().get(slot - offsets[index]);
    }

    private int indexAt(int slot) {
        if (slot < 0 || slot >= slots()) {
            throw new IndexOutOfBoundsException(slot);
        }
        int found = Arrays.binarySearch(offsets, 0, accounts.size() + 1, slot);
        if (found < 0) {
            return -found - 2;
        }
        // accounts with no region share an offset with the next one; admitted accounts have regions, but be exact
        while (found + 1 < accounts.size() && offsets[found + 1] == slot) {
            found++;
        }
        return found;
    }
}
