package dev.cove.internal;

/**
 * An account as the organization lists it; the metadata fields are null when the organization could not
 * be listed.
 *
 * @param id the 12-digit account ID
 * @param arn the account ARN, or null
 * @param email the account e-mail, or null
 * @param name the account name, or null
 * @param status the account status, or null
 */
public record OrgAccount(String id, String arn, String email, String name, String status) {

    /**
     * Returns an account known only by its ID.
     *
     * @param id the account ID
     * @return the account without metadata
     */
    static OrgAccount withoutMetadata(String id) {
        return new OrgAccount(id, null, null, null, null);
    }

    /**
     * Returns whether the organization lists this account as ACTIVE.
     *
     * @return true for an ACTIVE account
     */
    boolean active() {
        return "ACTIVE".equals(status);
    }
}
