package dev.cove.testkit;

import java.util.Objects;

/**
 * A member account created by {@link OrganizationBuilder}.
 *
 * @param id the 12-digit account id moto assigned
 * @param name the account name, e.g. {@code acct-0001}
 * @param email the account email, e.g. {@code acct-0001@example.com}
 * @param ouId the id of the parent OU, or the root id for accounts directly under the root
 * @param ouPath the parent OU's path such as {@code prod/web}, or {@code ""} for the root
 */
public record OrgAccount(String id, String name, String email, String ouId, String ouPath) {

    /** Validates that every component is present. */
    public OrgAccount {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(ouId, "ouId");
        Objects.requireNonNull(ouPath, "ouPath");
    }

    /**
     * Tells whether this account sits in the OU at {@code path} or in any OU below it.
     *
     * @param path an OU path such as {@code prod}; {@code ""} (the root) holds every account
     * @return true if the account is under that OU
     */
    public boolean isUnder(String path) {
        String normalized = OuPaths.normalize(path);
        return normalized.isEmpty() || ouPath.equals(normalized) || ouPath.startsWith(normalized + "/");
    }
}
