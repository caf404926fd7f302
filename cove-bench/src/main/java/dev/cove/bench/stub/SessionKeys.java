package dev.cove.bench.stub;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The stub's temporary credentials, which carry their own meaning so that the stub keeps no state per
 * session: the access key ID ends with the account ID, and the session token carries the role and
 * session names. Anything else (static keys) is the management account's user.
 */
public final class SessionKeys {

    private static final String PREFIX = "ASIABNCH";
    private static final String TOKEN_PREFIX = "IQoJb3JpZ2luX2VjE";

    private SessionKeys() {
    }

    /**
     * Returns the access key ID of a role session in an account: 20 characters, as AWS's are.
     *
     * @param accountId the 12-digit account ID
     * @return the access key ID
     */
    public static String accessKeyId(String accountId) {
        return PREFIX + accountId;
    }

    /**
     * Returns the account a role session's access key ID belongs to.
     *
     * @param accessKeyId an access key ID
     * @return the account ID, or null when the key is not a role session's
     */
    public static String accountOf(String accessKeyId) {
        if (accessKeyId == null || !accessKeyId.startsWith(PREFIX) || accessKeyId.length() != PREFIX.length() + 12) {
            return null;
        }
        return accessKeyId.substring(PREFIX.length());
    }

    /**
     * Returns a session token that names the role and session.
     *
     * @param roleName the role name
     * @param sessionName the role session name
     * @return the token
     */
    public static String sessionToken(String roleName, String sessionName) {
        return TOKEN_PREFIX + Base64.getUrlEncoder().withoutPadding()
                .encodeToString((roleName + "/" + sessionName).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Returns the "role/session" a session token names.
     *
     * @param token a session token, may be null
     * @return the role and session names joined by a slash, or null when the token is not the stub's
     */
    public static String roleSessionOf(String token) {
        if (token == null || !token.startsWith(TOKEN_PREFIX)) {
            return null;
        }
        try {
            return new String(Base64.getUrlDecoder().decode(token.substring(TOKEN_PREFIX.length())),
                    StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * Returns the access key ID of a SigV4 {@code Authorization} header.
     *
     * @param authorization the header value, may be null
     * @return the access key ID, or null when the header carries none
     */
    public static String accessKeyOfAuthorization(String authorization) {
        if (authorization == null) {
            return null;
        }
        int start = authorization.indexOf("Credential=");
        if (start < 0) {
            return null;
        }
        start += "Credential=".length();
        int end = authorization.indexOf('/', start);
        return end < 0 ? null : authorization.substring(start, end);
    }
}
