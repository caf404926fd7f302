package dev.cove.testkit;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * An organization built in moto by {@link OrganizationBuilder}: its ids, OUs and member
 * accounts, in the order they were declared.
 *
 * <p>OUs are addressed by path, the OU names from the root down joined by {@code /} (e.g.
 * {@code prod/web}); the root's path is {@code ""}. The management account is not among
 * {@link #accounts()}, although moto's ListAccounts returns it.
 *
 * @param organizationId the organization id, e.g. {@code o-abc123defg}
 * @param managementAccountId the management account, {@link Moto#MANAGEMENT_ACCOUNT_ID}
 * @param rootId the root id, e.g. {@code r-ab12}
 * @param units every OU, parents before children
 * @param accounts every member account
 */
public record OrgFixture(String organizationId, String managementAccountId, String rootId,
        List<OrgUnit> units, List<OrgAccount> accounts) {

    /** Validates the components and makes defensive copies of the lists. */
    public OrgFixture {
        Objects.requireNonNull(organizationId, "organizationId");
        Objects.requireNonNull(managementAccountId, "managementAccountId");
        Objects.requireNonNull(rootId, "rootId");
        units = List.copyOf(units);
        accounts = List.copyOf(accounts);
    }

    /**
     * Returns the OU at {@code path}.
     *
     * @param path an OU path such as {@code prod/web}
     * @return the OU
     * @throws IllegalArgumentException if there is no such OU; the message lists the known paths
     */
    public OrgUnit ou(String path) {
        String normalized = OuPaths.normalize(path);
        return units.stream()
                .filter(unit -> unit.path().equals(normalized))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no OU at path '" + path
                        + "'; known paths: " + units.stream().map(OrgUnit::path).toList()));
    }

    /**
     * Returns the id of the OU at {@code path}, or the root id for {@code ""}.
     *
     * @param path an OU path such as {@code prod/web}, or {@code ""}
     * @return the OU or root id
     * @throws IllegalArgumentException if there is no such OU
     */
    public String ouId(String path) {
        return OuPaths.normalize(path).isEmpty() ? rootId : ou(path).id();
    }

    /**
     * Returns the member accounts in the OU at {@code path} and in every OU below it; {@code ""}
     * returns all members.
     *
     * @param path an OU path such as {@code prod}, or {@code ""}
     * @return the accounts, in declaration order
     * @throws IllegalArgumentException if there is no such OU
     */
    public List<OrgAccount> accountsUnder(String path) {
        ouId(path);
        return accounts.stream().filter(account -> account.isUnder(path)).toList();
    }

    /**
     * Returns the member accounts directly in the OU at {@code path} ({@code ""}: the root).
     *
     * @param path an OU path such as {@code prod}, or {@code ""}
     * @return the accounts, in declaration order
     * @throws IllegalArgumentException if there is no such OU
     */
    public List<OrgAccount> accountsIn(String path) {
        String id = ouId(path);
        return accounts.stream().filter(account -> account.ouId().equals(id)).toList();
    }

    /**
     * Returns the member account named {@code name}.
     *
     * @param name an account name such as {@code acct-0001}
     * @return the account
     * @throws IllegalArgumentException if no member has that name
     */
    public OrgAccount account(String name) {
        return accounts.stream()
                .filter(account -> account.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no member account named '" + name + "'"));
    }

    /**
     * Returns the ids of all member accounts, without the management account.
     *
     * @return the ids, in declaration order
     */
    public List<String> memberIds() {
        return accounts.stream().map(OrgAccount::id).toList();
    }

    /**
     * Returns the ids of the member accounts in the OU at {@code path} and below it.
     *
     * @param path an OU path such as {@code prod}, or {@code ""}
     * @return the ids, in declaration order
     * @throws IllegalArgumentException if there is no such OU
     */
    public List<String> memberIdsUnder(String path) {
        return accountsUnder(path).stream().map(OrgAccount::id).toList();
    }

    /**
     * Returns the management account id followed by every member id, as ListAccounts sees them.
     *
     * @return the ids
     */
    public List<String> allAccountIds() {
        List<String> ids = new ArrayList<>(accounts.size() + 1);
        ids.add(managementAccountId);
        ids.addAll(memberIds());
        return List.copyOf(ids);
    }

    /** Returns a short summary rather than every account. */
    @Override
    public String toString() {
        return "OrgFixture[organizationId=" + organizationId + ", rootId=" + rootId
                + ", ous=" + units.size() + ", members=" + accounts.size() + ", paths="
                + units.stream().map(OrgUnit::path).limit(10).collect(Collectors.joining(", ", "[",
                        units.size() > 10 ? ", ...]" : "]")) + "]";
    }
}
