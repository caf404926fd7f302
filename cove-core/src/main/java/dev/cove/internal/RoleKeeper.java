package dev.cove.internal;

/**
 * Takes the roles that resolving the targets assumed (to read an account's regions with ec2:DescribeRegions), so
 * that a run uses them instead of assuming them again; a dry run drops them.
 */
@FunctionalInterface
interface RoleKeeper {

    /** A keeper that drops every role at once: nothing will use it. */
    RoleKeeper DROP = (accountId, role) -> role.drop();

    /**
     * Keeps an account's role, assumed or failed, with its number of users set.
     *
     * @param accountId the account
     * @param role the role
     */
    void keep(String accountId, AccountRole role);
}
