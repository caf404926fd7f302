package dev.cove.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The roles that resolving the targets assumed (to read accounts' regions), kept for the accounts' targets so
 * that no role is assumed twice. Closing drops the credentials of every role no target took.
 */
final class KeptRoles implements RoleKeeper, AutoCloseable {

    private final Map<String, AccountRole> roles = new ConcurrentHashMap<>();

    @Override
    public void keep(String accountId, AccountRole role) {
        roles.put(accountId, role);
    }

    /**
     * Hands over an account's kept role.
     *
     * @param accountId the account
     * @return the role, assumed or failed, or null when none was kept
     */
    AccountRole take(String accountId) {
        return roles.remove(accountId);
    }

    @Override
    public void close() {
        roles.values().forEach(AccountRole::drop);
        roles.clear();
    }
}
