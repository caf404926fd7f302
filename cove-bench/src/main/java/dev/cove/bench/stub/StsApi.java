package dev.cove.bench.stub;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * STS over the Query protocol: {@code AssumeRole} and {@code GetCallerIdentity}, answered with the XML
 * AWS sends. Role sessions get credentials whose access key ID names the account (see
 * {@link SessionKeys}), so {@code GetCallerIdentity} called with them answers that account.
 */
final class StsApi {

    private static final String NAMESPACE = "https://sts.amazonaws.com/doc/2011-06-15/";
    private static final Pattern ROLE_ARN = Pattern.compile("arn:([a-z-]+):iam::(\\d{12}):role/(.+)");
    private static final String SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYzEXAMPLEKEY";

    private final SyntheticOrganization organization;

    StsApi(SyntheticOrganization organization) {
        this.organization = organization;
    }

    /**
     * Answers one request.
     *
     * @param fields the form fields
     * @param accessKeyId the caller's access key ID, or null
     * @param securityToken the caller's session token, or null
     * @return the response
     */
    StubResponse handle(Map<String, String> fields, String accessKeyId, String securityToken) {
        String action = fields.get("Action");
        if ("AssumeRole".equals(action)) {
            return assumeRole(fields, accessKeyId);
        }
        if ("GetCallerIdentity".equals(action)) {
            return getCallerIdentity(accessKeyId, securityToken);
        }
        return error(400, "Sender", "InvalidAction", "Could not find operation " + action + " for version 2011-06-15");
    }

    private StubResponse assumeRole(Map<String, String> fields, String accessKeyId) {
        String roleArn = fields.get("RoleArn");
        String sessionName = fields.get("RoleSessionName");
        if (roleArn == null || sessionName == null) {
            return error(400, "Sender", "ValidationError", "1 validation error detected: RoleArn and RoleSessionName"
                    + " are required");
        }
        Matcher m = ROLE_ARN.matcher(roleArn);
        if (!m.matches() || !organization.hasAccount(m.group(2))) {
            return error(403, "Sender", "AccessDenied", "User: " + callerArn(accessKeyId, null)
                    + " is not authorized to perform: sts:AssumeRole on resource: " + roleArn);
        }
        String partition = m.group(1);
        String account = m.group(2);
        String rolePath = m.group(3);
        String roleName = rolePath.substring(rolePath.lastIndexOf('/') + 1);
        String roleId = "AROA" + account.substring(4) + "BENCH";
        String expiration = Instant.now().plus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS).toString();
        return StubResponse.xml(200, "<AssumeRoleResponse xmlns=\"" + NAMESPACE + "\">\n"
                + "  <AssumeRoleResult>\n"
                + "    <AssumedRoleUser>\n"
                + "      <AssumedRoleId>" + roleId + ":" + escape(sessionName) + "</AssumedRoleId>\n"
                + "      <Arn>arn:" + partition + ":sts::" + account + ":assumed-role/" + escape(roleName) + "/"
                + escape(sessionName) + "</Arn>\n"
                + "    </AssumedRoleUser>\n"
                + "    <Credentials>\n"
                + "      <AccessKeyId>" + SessionKeys.accessKeyId(account) + "</AccessKeyId>\n"
                + "      <SecretAccessKey>" + SECRET + "</SecretAccessKey>\n"
                + "      <SessionToken>" + SessionKeys.sessionToken(roleName, sessionName) + "</SessionToken>\n"
                + "      <Expiration>" + expiration + "</Expiration>\n"
                + "    </Credentials>\n"
                + "  </AssumeRoleResult>\n"
                + "  <ResponseMetadata>\n"
                + "    <RequestId>" + RequestIds.next() + "</RequestId>\n"
                + "  </ResponseMetadata>\n"
                + "</AssumeRoleResponse>\n");
    }

    private StubResponse getCallerIdentity(String accessKeyId, String securityToken) {
        String account = SessionKeys.accountOf(accessKeyId);
        String userId;
        if (account == null) {
            account = SyntheticOrganization.MANAGEMENT_ACCOUNT_ID;
            userId = "AIDABENCHMANAGEMENT1";
        } else {
            String roleSession = SessionKeys.roleSessionOf(securityToken);
            String session = roleSession == null ? "session" : roleSession.substring(roleSession.indexOf('/') + 1);
            userId = "AROA" + account.substring(4) + "BENCH:" + session;
        }
        return StubResponse.xml(200, "<GetCallerIdentityResponse xmlns=\"" + NAMESPACE + "\">\n"
                + "  <GetCallerIdentityResult>\n"
                + "    <Arn>" + escape(callerArn(accessKeyId, securityToken)) + "</Arn>\n"
                + "    <UserId>" + escape(userId) + "</UserId>\n"
                + "    <Account>" + account + "</Account>\n"
                + "  </GetCallerIdentityResult>\n"
                + "  <ResponseMetadata>\n"
                + "    <RequestId>" + RequestIds.next() + "</RequestId>\n"
                + "  </ResponseMetadata>\n"
                + "</GetCallerIdentityResponse>\n");
    }

    private static String callerArn(String accessKeyId, String securityToken) {
        String account = SessionKeys.accountOf(accessKeyId);
        if (account == null) {
            return "arn:aws:iam::" + SyntheticOrganization.MANAGEMENT_ACCOUNT_ID + ":user/bench";
        }
        String roleSession = SessionKeys.roleSessionOf(securityToken);
        return "arn:aws:sts::" + account + ":assumed-role/"
                + (roleSession == null ? "role/session" : roleSession);
    }

    private static StubResponse error(int status, String type, String code, String message) {
        return StubResponse.xml(status, "<ErrorResponse xmlns=\"" + NAMESPACE + "\">\n"
                + "  <Error>\n"
                + "    <Type>" + type + "</Type>\n"
                + "    <Code>" + code + "</Code>\n"
                + "    <Message>" + escape(message) + "</Message>\n"
                + "  </Error>\n"
                + "  <RequestId>" + RequestIds.next() + "</RequestId>\n"
                + "</ErrorResponse>\n");
    }

    /** Escapes the five XML special characters, for element content. */
    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                .replace("\"", "&quot;").replace("'", "&apos;");
    }
}
