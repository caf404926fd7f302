package dev.cove.bench.stub;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A made-up organization: a management account and {@code members} member accounts spread over OUs
 * nested {@code depth} levels below the root, {@code fanOut} OUs per parent. IDs are deterministic, so
 * two organizations of the same size are identical. Every account is in the {@code State} ACTIVE: the
 * harness expects every account to be a target (one AssumeRole per account, accounts × regions
 * results), as it does of moto's organizations.
 */
public final class SyntheticOrganization {

    /** The management (calling) account. */
    public static final String MANAGEMENT_ACCOUNT_ID = "123456789012";
    /** The organization's ID. */
    public static final String ORGANIZATION_ID = "o-benchorg001";
    /** The root's ID. */
    public static final String ROOT_ID = "r-b3nc";
    private static final long FIRST_MEMBER = 200_000_000_000L;

    private final List<String> accountIds = new ArrayList<>();
    private final Set<String> accountSet = new HashSet<>();
    private final List<String> ouIds = new ArrayList<>();
    private final Set<String> ouSet = new HashSet<>();
    private final Map<String, List<String>> childAccounts = new HashMap<>();
    private final Map<String, List<String>> childOus = new LinkedHashMap<>();

    /**
     * Builds the organization.
     *
     * @param members number of member accounts (the management account comes on top)
     * @param depth levels of OUs below the root (0 puts every account in the root)
     * @param fanOut OUs per parent
     */
    public SyntheticOrganization(int members, int depth, int fanOut) {
        List<String> parents = new ArrayList<>();
        parents.add(ROOT_ID);
        List<String> level = List.of(ROOT_ID);
        for (int d = 0; d < depth; d++) {
            List<String> next = new ArrayList<>();
            for (String parent : level) {
                for (int i = 0; i < fanOut; i++) {
                    String ou = String.format("ou-b3nc-%08d", ouIds.size() + 1);
                    ouIds.add(ou);
                    ouSet.add(ou);
                    childOus.computeIfAbsent(parent, p -> new ArrayList<>()).add(ou);
                    next.add(ou);
                    parents.add(ou);
                }
            }
            level = next;
        }
        addAccount(MANAGEMENT_ACCOUNT_ID, ROOT_ID);
        for (int i = 0; i < members; i++) {
            addAccount(Long.toString(FIRST_MEMBER + i), parents.get(i % parents.size()));
        }
    }

    private void addAccount(String id, String parent) {
        accountIds.add(id);
        accountSet.add(id);
        childAccounts.computeIfAbsent(parent, p -> new ArrayList<>()).add(id);
    }

    /**
     * Returns every account, the management account first.
     *
     * @return account IDs in listing order
     */
    public List<String> accountIds() {
        return Collections.unmodifiableList(accountIds);
    }

    /**
     * Returns how many member accounts there are (every account but the management account).
     *
     * @return the number of members
     */
    public int members() {
        return accountIds.size() - 1;
    }

    /**
     * Returns whether the account belongs to the organization.
     *
     * @param id an account ID
     * @return true for the management account and every member
     */
    public boolean hasAccount(String id) {
        return accountSet.contains(id);
    }

    /**
     * Returns whether the ID names the root or one of the OUs.
     *
     * @param id a parent ID
     * @return true for the root and every OU
     */
    public boolean hasParent(String id) {
        return ROOT_ID.equals(id) || ouSet.contains(id);
    }

    /**
     * Returns the OUs in creation order (breadth first).
     *
     * @return OU IDs
     */
    public List<String> ouIds() {
        return Collections.unmodifiableList(ouIds);
    }

    /**
     * Returns the accounts directly in a parent.
     *
     * @param parentId root or OU ID
     * @return account IDs
     */
    public List<String> accountsIn(String parentId) {
        return childAccounts.getOrDefault(parentId, List.of());
    }

    /**
     * Returns the OUs directly below a parent.
     *
     * @param parentId root or OU ID
     * @return OU IDs
     */
    public List<String> ousIn(String parentId) {
        return childOus.getOrDefault(parentId, List.of());
    }

    /**
     * Returns the account's {@code State}, one of PENDING_ACTIVATION, ACTIVE, SUSPENDED, PENDING_CLOSURE
     * and CLOSED (https://docs.aws.amazon.com/organizations/latest/APIReference/API_Account.html).
     *
     * @param id the account ID
     * @return ACTIVE for every account of this organization
     */
    public String stateOf(String id) {
        return "ACTIVE";
    }

    /**
     * Returns the account's name.
     *
     * @param id the account ID
     * @return a readable name
     */
    public static String nameOf(String id) {
        return MANAGEMENT_ACCOUNT_ID.equals(id) ? "management" : "bench-" + id;
    }

    /**
     * Returns the account's e-mail address.
     *
     * @param id the account ID
     * @return an address under example.com
     */
    public static String emailOf(String id) {
        return nameOf(id) + "@example.com";
    }

    /**
     * Returns the account's ARN as Organizations writes it.
     *
     * @param id the account ID
     * @return the ARN
     */
    public static String arnOf(String id) {
        return "arn:aws:organizations::" + MANAGEMENT_ACCOUNT_ID + ":account/" + ORGANIZATION_ID + "/" + id;
    }
}
