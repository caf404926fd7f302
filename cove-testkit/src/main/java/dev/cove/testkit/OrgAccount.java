package dev.cove.testkit;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A member account created by {@link OrganizationBuilder}.
 *
 * @param id the 12-digit account id moto assigned
 * @param name the account name, e.g. {@code acct-0001}
 * @param email the account email, e.g. {@code acct-0001@example.com}
 * @param ouId the id of the parent OU, or the root id for accounts directly under the root
 * @param ouPath the parent OU's path such as {@code prod/web}, or {@code ""} for the root
 * @param tags the tags the account was created with, sorted by key; empty when none
 */
public record OrgAccount(String id, String name, String email, String ouId, String ouPath,
        Map<String, String> tags) {

    /** Validates that every component is present and copies the tags. */
    public OrgAccount {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(ouId, "ouId");
        Objects.requireNonNull(ouPath, "ouPath");
        tags = Collections.unmodifiableMap(new TreeMap<>(Objects.requireNonNull(tags, "tags")));
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
