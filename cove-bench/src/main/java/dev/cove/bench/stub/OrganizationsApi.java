package dev.cove.bench.stub;

import dev.cove.bench.FlatJson;
import java.util.List;
import java.util.Map;

/**
 * Organizations over JSON 1.1 ({@code X-Amz-Target: AWSOrganizationsV20161128.<Action>}):
 * {@code DescribeOrganization}, {@code ListRoots}, {@code ListAccounts} and {@code ListChildren}, paged
 * at most 20 items at a time as AWS does. Only the management account may call it.
 */
final class OrganizationsApi {

    /** The target prefix of every Organizations action. */
    static final String TARGET_PREFIX = "AWSOrganizationsV20161128.";
    /** AWS's largest page for ListAccounts and ListChildren. */
    static final int MAX_PAGE = 20;
    private static final String JOINED = "1.7040672E9";
    private static final String TOKEN_PREFIX = "bench-page-";

    private final SyntheticOrganization organization;

    OrganizationsApi(SyntheticOrganization organization) {
        this.organization = organization;
    }

    /**
     * Answers one request.
     *
     * @param action the action named by the target header
     * @param body the JSON request body
     * @param callerAccount the caller's account, or null for the management account's static keys
     * @return the response
     */
    StubResponse handle(String action, String body, String callerAccount) {
        if (callerAccount != null && !callerAccount.equals(SyntheticOrganization.MANAGEMENT_ACCOUNT_ID)) {
            return error("AccessDeniedException", "You don't have permissions to access this resource.");
        }
        Map<String, String> request;
        try {
            request = FlatJson.parse(body.isBlank() ? "{}" : body);
        } catch (IllegalArgumentException e) {
            return error("SerializationException", e.getMessage());
        }
        return switch (action) {
            case "DescribeOrganization" -> describeOrganization();
            case "ListRoots" -> listRoots();
            case "ListAccounts" -> listAccounts(request);
            case "ListChildren" -> listChildren(request);
            default -> error("UnknownOperationException", "Unknown operation " + action);
        };
    }

    private StubResponse describeOrganization() {
        String m = SyntheticOrganization.MANAGEMENT_ACCOUNT_ID;
        String o = SyntheticOrganization.ORGANIZATION_ID;
        return ok("{\"Organization\":{\"Id\":\"" + o + "\",\"Arn\":\"arn:aws:organizations::" + m + ":organization/"
                + o + "\",\"FeatureSet\":\"ALL\",\"MasterAccountArn\":\"" + SyntheticOrganization.arnOf(m)
                + "\",\"MasterAccountId\":\"" + m + "\",\"MasterAccountEmail\":\""
                + SyntheticOrganization.emailOf(m) + "\",\"AvailablePolicyTypes\":[{\"Type\":\"SERVICE_CONTROL_POLICY\","
                + "\"Status\":\"ENABLED\"}]}}");
    }

    private StubResponse listRoots() {
        String r = SyntheticOrganization.ROOT_ID;
        return ok("{\"Roots\":[{\"Id\":\"" + r + "\",\"Arn\":\"arn:aws:organizations::"
                + SyntheticOrganization.MANAGEMENT_ACCOUNT_ID + ":root/" + SyntheticOrganization.ORGANIZATION_ID + "/"
                + r + "\",\"Name\":\"Root\",\"PolicyTypes\":[{\"Type\":\"SERVICE_CONTROL_POLICY\","
                + "\"Status\":\"ENABLED\"}]}]}");
    }

    private StubResponse listAccounts(Map<String, String> request) {
        List<String> ids = organization.accountIds();
        Page page = Page.of(request, ids.size());
        if (page == null) {
            return invalidPaging(request);
        }
        StringBuilder out = new StringBuilder(256 * page.size() + 64).append("{\"Accounts\":[");
        for (int i = page.from(); i < page.to(); i++) {
            String id = ids.get(i);
            if (i > page.from()) {
                out.append(',');
            }
            out.append("{\"Id\":\"").append(id)
                    .append("\",\"Arn\":\"").append(SyntheticOrganization.arnOf(id))
                    .append("\",\"Email\":\"").append(SyntheticOrganization.emailOf(id))
                    .append("\",\"Name\":\"").append(SyntheticOrganization.nameOf(id))
                    .append("\",\"Status\":\"ACTIVE\",\"State\":\"ACTIVE\",\"JoinedMethod\":\"CREATED\","
                            + "\"JoinedTimestamp\":").append(JOINED).append('}');
        }
        return ok(page.close(out));
    }

    private StubResponse listChildren(Map<String, String> request) {
        String parent = request.get("ParentId");
        String type = request.get("ChildType");
        if (parent == null || type == null) {
            return error("InvalidInputException", "ParentId and ChildType are required");
        }
        if (!organization.hasParent(parent)) {
            return error("ParentNotFoundException", "We can't find a root or OU with the ParentId that you specified.");
        }
        List<String> children = switch (type) {
            case "ACCOUNT" -> organization.accountsIn(parent);
            case "ORGANIZATIONAL_UNIT" -> organization.ousIn(parent);
            default -> null;
        };
        if (children == null) {
            return error("InvalidInputException", "ChildType must be ACCOUNT or ORGANIZATIONAL_UNIT");
        }
        Page page = Page.of(request, children.size());
        if (page == null) {
            return invalidPaging(request);
        }
        StringBuilder out = new StringBuilder(64 * page.size() + 64).append("{\"Children\":[");
        for (int i = page.from(); i < page.to(); i++) {
            if (i > page.from()) {
                out.append(',');
            }
            out.append("{\"Id\":\"").append(children.get(i)).append("\",\"Type\":\"").append(type).append("\"}");
        }
        return ok(page.close(out));
    }

    private static StubResponse invalidPaging(Map<String, String> request) {
        return error("InvalidInputException", "Invalid paging: NextToken " + request.get("NextToken")
                + ", MaxResults " + request.get("MaxResults") + " (1-" + MAX_PAGE + ")");
    }

    private static StubResponse ok(String json) {
        return StubResponse.json(200, json, null);
    }

    private static StubResponse error(String type, String message) {
        StringBuilder out = new StringBuilder("{\"__type\":\"").append(type).append("\",\"Message\":");
        FlatJson.quote(out, message);
        return StubResponse.json(400, out.append('}').toString(), type);
    }

    /** One page of a listing: items {@code [from, to)} of {@code total}. */
    private record Page(int from, int to, int total) {

        /** Returns the page the request asks for, or null when its token or size is invalid. */
        static Page of(Map<String, String> request, int total) {
            int size = MAX_PAGE;
            String max = request.get("MaxResults");
            if (max != null) {
                try {
                    size = Integer.parseInt(max);
                } catch (NumberFormatException e) {
                    return null;
                }
                if (size < 1 || size > MAX_PAGE) {
                    return null;
                }
            }
            int from = 0;
            String token = request.get("NextToken");
            if (token != null) {
                if (!token.startsWith(TOKEN_PREFIX)) {
                    return null;
                }
                try {
                    from = Integer.parseInt(token.substring(TOKEN_PREFIX.length()));
                } catch (NumberFormatException e) {
                    return null;
                }
                if (from < 0 || from > total) {
                    return null;
                }
            }
            return new Page(from, Math.min(total, from + size), total);
        }

        int size() {
            return to - from;
        }

        /** Ends the list and adds the next token when items remain. */
        String close(StringBuilder out) {
            out.append(']');
            if (to < total) {
                out.append(",\"NextToken\":\"").append(TOKEN_PREFIX).append(to).append('"');
            }
            return out.append('}').toString();
        }
    }
}
