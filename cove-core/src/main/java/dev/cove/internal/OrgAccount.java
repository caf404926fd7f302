package dev.cove.internal;

/**
 * An account as the organization lists it; the metadata fields are null when the organization could not
 * be listed.
 *
 * @param id the 12-digit account ID
 * @param arn the account ARN, or null
 * @param email the account e-mail, or null
 * @param name the account name, or null
 * @param status the account's retired {@code Status} as AWS sent it, or null (AWS no longer sends it)
 * @param state the account's {@code State} as AWS sent it, or null
 */
public record OrgAccount(String id, String arn, String email, String name, String status, String state) {

    private static final String ACTIVE = "ACTIVE";

    /**
     * Returns an account known only by its ID.
     *
     * @param id the account ID
     * @return the account without metadata
     */
    static OrgAccount withoutMetadata(String id) {
        return new OrgAccount(id, null, null, null, null, null);
    }

    /**
     * Returns whether the organization lists this account as ACTIVE. {@code State} decides; only where
     * AWS sent no {@code State} (older emulators, partitions that have not switched) does {@code Status}.
     * AWS retired {@code Status} on 2026-09-09:
     * https://docs.aws.amazon.com/organizations/latest/APIReference/API_Account.html
     *
     * @return true for an ACTIVE account
     */
    boolean active() {
        return ACTIVE.equals(lifecycle());
    }

    /**
     * Returns where the account is in its life cycle: its {@code State}, else its {@code Status}.
     *
     * @return e.g. {@code ACTIVE} or {@code SUSPENDED}; null when AWS sent neither
     */
    String lifecycle() {
        return state != null ? state : status;
    }
}
