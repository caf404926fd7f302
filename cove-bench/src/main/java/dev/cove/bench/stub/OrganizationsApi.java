package dev.cove.bench.stub;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cove.bench.Json;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * Organizations over JSON 1.1 ({@code X-Amz-Target: AWSOrganizationsV20161128.<Action>}):
 * {@code DescribeOrganization}, {@code ListRoots}, {@code ListAccounts}, {@code ListChildren},
 * {@code ListAccountsForParent} and {@code ListOrganizationalUnitsForParent}, paged
 * at most 20 items at a time as AWS does, with one empty page (carrying a {@code NextToken}) right after
 * the first page of every listing that has more than one page, unless that is switched off. Only the
 * management account may call it.
 */
final class OrganizationsApi {

    /** The target prefix of every Organizations action. */
    static final String TARGET_PREFIX = "AWSOrganizationsV20161128.";
    /**
     * AWS's largest page, and the default, of every List* operation the stub answers: MaxResults has the
     * "Valid Range: Minimum value of 1. Maximum value of 20."
     * https://docs.aws.amazon.com/organizations/latest/APIReference/API_ListAccounts.html
     * https://docs.aws.amazon.com/organizations/latest/APIReference/API_ListChildren.html
     * https://docs.aws.amazon.com/organizations/latest/APIReference/API_ListRoots.html
     * https://docs.aws.amazon.com/organizations/latest/APIReference/API_ListAccountsForParent.html
     * https://docs.aws.amazon.com/organizations/latest/APIReference/API_ListOrganizationalUnitsForParent.html
     */
    static final int MAX_PAGE = 20;
    /** 2024-01-01T00:00:00Z in epoch seconds, as AWS sends {@code JoinedTimestamp}. */
    private static final double JOINED = 1.7040672E9;
    private static final String TOKEN_PREFIX = "bench-page-";
    private static final String EMPTY_TOKEN_PREFIX = "bench-empty-";
    private static final String INVALID_INPUT = "InvalidInputException";

    private final SyntheticOrganization organization;
    private final boolean emptyPage;

    /**
     * Serves an organization.
     *
     * @param organization the organization
     * @param emptyPage whether every listing of more than one page has an empty page after its first
     */
    OrganizationsApi(SyntheticOrganization organization, boolean emptyPage) {
        this.organization = organization;
        this.emptyPage = emptyPage;
    }

    /**
     * Returns how many requests a client that follows every {@code NextToken} makes to list
     * {@code items} items in pages of 20.
     *
     * @param items the items listed
     * @param emptyPage whether the stub sends its empty page
     * @return 1 for up to 20 items (even none), else ⌈items ÷ 20⌉, plus 1 for the empty page
     */
    static int pages(int items, boolean emptyPage) {
        if (items <= MAX_PAGE) {
            return 1;
        }
        return (items + MAX_PAGE - 1) / MAX_PAGE + (emptyPage ? 1 : 0);
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
            return error("AccessDeniedException", "You don't have permissions to access this resource.", null);
        }
        JsonNode request;
        try {
            request = Json.MAPPER.readTree(body.isBlank() ? "{}" : body);
        } catch (JsonProcessingException e) {
            return error("SerializationException", e.getOriginalMessage(), null);
        }
        if (!request.isObject() || request.valueStream().anyMatch(JsonNode::isContainerNode)) {
            return error("SerializationException", "Expected a JSON object of plain values", null);
        }
        return switch (action) {
            case "DescribeOrganization" -> describeOrganization();
            case "ListRoots" -> listRoots(request);
            case "ListAccounts" -> listAccounts(request);
            case "ListChildren" -> listChildren(request);
            case "ListAccountsForParent" -> listAccountsForParent(request);
            case "ListOrganizationalUnitsForParent" -> listOrganizationalUnitsForParent(request);
            default -> error("UnknownOperationException", "Unknown operation " + action, null);
        };
    }

    private StubResponse describeOrganization() {
        String m = SyntheticOrganization.MANAGEMENT_ACCOUNT_ID;
        String o = SyntheticOrganization.ORGANIZATION_ID;
        ObjectNode answer = Json.MAPPER.createObjectNode();
        ObjectNode described = answer.putObject("Organization")
                .put("Id", o)
                .put("Arn", "arn:aws:organizations::" + m + ":organization/" + o)
                .put("FeatureSet", "ALL")
                .put("MasterAccountArn", SyntheticOrganization.arnOf(m))
                .put("MasterAccountId", m)
                .put("MasterAccountEmail", SyntheticOrganization.emailOf(m));
        serviceControlPolicies(described.putArray("AvailablePolicyTypes"));
        return ok(answer);
    }

    private StubResponse listRoots(JsonNode request) {
        return listing(request, "Roots", List.of(SyntheticOrganization.ROOT_ID), (root, id) -> {
            root.put("Id", id)
                    .put("Arn", "arn:aws:organizations::" + SyntheticOrganization.MANAGEMENT_ACCOUNT_ID + ":root/"
                            + SyntheticOrganization.ORGANIZATION_ID + "/" + id)
                    .put("Name", "Root");
            serviceControlPolicies(root.putArray("PolicyTypes"));
        });
    }

    private StubResponse listAccounts(JsonNode request) {
        return accounts(request, organization.accountIds());
    }

    /** ListAccountsForParent answers the same Account objects as ListAccounts, of one parent's accounts. */
    private StubResponse listAccountsForParent(JsonNode request) {
        String parent = member(request, "ParentId");
        StubResponse refused = refuseParent(parent, "ParentId is required");
        return refused != null ? refused : accounts(request, organization.accountsIn(parent));
    }

    /**
     * An OrganizationalUnit has an Id, an Arn and a Name.
     * https://docs.aws.amazon.com/organizations/latest/APIReference/API_OrganizationalUnit.html
     */
    private StubResponse listOrganizationalUnitsForParent(JsonNode request) {
        String parent = member(request, "ParentId");
        StubResponse refused = refuseParent(parent, "ParentId is required");
        return refused != null ? refused : listing(request, "OrganizationalUnits", organization.ousIn(parent),
                (ou, id) -> ou.put("Id", id)
                        .put("Arn", "arn:aws:organizations::" + SyntheticOrganization.MANAGEMENT_ACCOUNT_ID + ":ou/"
                                + SyntheticOrganization.ORGANIZATION_ID + "/" + id)
                        .put("Name", "bench-" + id));
    }

    private StubResponse accounts(JsonNode request, List<String> ids) {
        // An account carries State, and no Status: AWS retired Status on 2026-09-09.
        // https://docs.aws.amazon.com/organizations/latest/APIReference/API_Account.html
        return listing(request, "Accounts", ids, (account, id) -> account
                .put("Id", id)
                .put("Arn", SyntheticOrganization.arnOf(id))
                .put("Email", SyntheticOrganization.emailOf(id))
                .put("Name", SyntheticOrganization.nameOf(id))
                .put("State", organization.stateOf(id))
                .put("JoinedMethod", "CREATED")
                .put("JoinedTimestamp", JOINED));
    }

    private StubResponse listChildren(JsonNode request) {
        String parent = member(request, "ParentId");
        String type = member(request, "ChildType");
        StubResponse refused = refuseParent(type == null ? null : parent, "ParentId and ChildType are required");
        if (refused != null) {
            return refused;
        }
        List<String> children = switch (type) {
            case "ACCOUNT" -> organization.accountsIn(parent);
            case "ORGANIZATIONAL_UNIT" -> organization.ousIn(parent);
            default -> null;
        };
        if (children == null) {
            return invalidInput("INVALID_ENUM", "ChildType must be ACCOUNT or ORGANIZATIONAL_UNIT");
        }
        return listing(request, "Children", children, (child, id) -> child.put("Id", id).put("Type", type));
    }

    /**
     * Returns the error for a missing or unknown {@code ParentId}, or null when it names the root or an OU.
     * https://docs.aws.amazon.com/organizations/latest/APIReference/API_ListAccountsForParent.html (Errors:
     * ParentNotFoundException, "We can't find a root or OU with the ParentId that you specified.")
     */
    private StubResponse refuseParent(String parent, String missing) {
        if (parent == null) {
            return invalidInput("INPUT_REQUIRED", missing);
        }
        if (!organization.hasParent(parent)) {
            return error("ParentNotFoundException", "We can't find a root or OU with the ParentId that you specified.",
                    null);
        }
        return null;
    }

    /**
     * Answers the page of {@code ids} that the request asks for: one object per id under {@code member},
     * filled in by {@code item}, then the next token when there is one.
     */
    private StubResponse listing(JsonNode request, String member, List<String> ids,
            BiConsumer<ObjectNode, String> item) {
        Paging paging = page(request, ids.size());
        if (paging.error() != null) {
            return paging.error();
        }
        Page page = paging.page();
        ObjectNode answer = Json.MAPPER.createObjectNode();
        ArrayNode listed = answer.putArray(member);
        for (String id : ids.subList(page.from(), page.to())) {
            item.accept(listed.addObject(), id);
        }
        if (page.nextToken() != null) {
            answer.put("NextToken", page.nextToken());
        }
        return ok(answer);
    }

    /** Adds the one policy type the synthetic organization has enabled. */
    private static void serviceControlPolicies(ArrayNode policyTypes) {
        policyTypes.addObject().put("Type", "SERVICE_CONTROL_POLICY").put("Status", "ENABLED");
    }

    /** Returns a plain member of the request as text (a number as its digits), or null when absent or null. */
    private static String member(JsonNode request, String name) {
        JsonNode value = request.get(name);
        return value == null || value.isNull() ? null : value.asText();
    }

    /**
     * Returns the page a request asks for, or the error AWS answers when its MaxResults or NextToken is
     * invalid. Reasons, from
     * https://docs.aws.amazon.com/organizations/latest/APIReference/API_InvalidInputException.html :
     * {@code MAX_VALUE_EXCEEDED} / {@code MIN_VALUE_EXCEEDED} for a numeric parameter larger / smaller than
     * allowed (MaxResults outside 1–20), {@code INVALID_PAGINATION_TOKEN} for a NextToken that no previous
     * call returned. (That page's list of valid values, like the SDK's enum, spells the last one
     * {@code INVALID_NEXT_TOKEN}; its description, which the stub follows, {@code INVALID_PAGINATION_TOKEN}.)
     */
    private Paging page(JsonNode request, int total) {
        int size = MAX_PAGE;
        String max = member(request, "MaxResults");
        if (max != null) {
            try {
                size = Integer.parseInt(max);
            } catch (NumberFormatException e) {
                return Paging.failed(error("SerializationException", "MaxResults " + max + " is not an integer",
                        null));
            }
            if (size < 1) {
                return Paging.failed(invalidInput("MIN_VALUE_EXCEEDED",
                        "MaxResults " + size + " is below the minimum of 1"));
            }
            if (size > MAX_PAGE) {
                return Paging.failed(invalidInput("MAX_VALUE_EXCEEDED",
                        "MaxResults " + size + " is above the maximum of " + MAX_PAGE));
            }
        }
        String token = member(request, "NextToken");
        if (token == null) {
            int to = Math.min(total, size);
            // "These operations can occasionally return an empty set of results even when there are more
            // results available. The NextToken response parameter value is null only when there are no more
            // results to display." Here: once per listing, right after its first page.
            // https://docs.aws.amazon.com/organizations/latest/APIReference/API_ListAccounts.html
            String next = to >= total ? null : (emptyPage ? EMPTY_TOKEN_PREFIX : TOKEN_PREFIX) + to;
            return Paging.of(new Page(0, to, next));
        }
        boolean empty = token.startsWith(EMPTY_TOKEN_PREFIX);
        String prefix = empty ? EMPTY_TOKEN_PREFIX : TOKEN_PREFIX;
        int from;
        try {
            from = token.startsWith(prefix) ? Integer.parseInt(token.substring(prefix.length())) : -1;
        } catch (NumberFormatException e) {
            from = -1;
        }
        if (from <= 0 || from >= total) {
            return Paging.failed(invalidInput("INVALID_PAGINATION_TOKEN", "The NextToken " + token
                    + " was not returned by a previous call of this operation"));
        }
        if (empty) {
            return Paging.of(new Page(from, from, TOKEN_PREFIX + from));
        }
        int to = Math.min(total, from + size);
        return Paging.of(new Page(from, to, to < total ? TOKEN_PREFIX + to : null));
    }

    private static StubResponse ok(ObjectNode answer) {
        return StubResponse.json(200, write(answer), null);
    }

    /**
     * An {@code InvalidInputException} as AWS sends it: HTTP 400 with {@code __type}, {@code Message} and
     * {@code Reason}.
     * https://docs.aws.amazon.com/organizations/latest/APIReference/API_InvalidInputException.html
     */
    private static StubResponse invalidInput(String reason, String message) {
        return error(INVALID_INPUT, message, reason);
    }

    private static StubResponse error(String type, String message, String reason) {
        ObjectNode answer = Json.MAPPER.createObjectNode().put("__type", type).put("Message", message);
        if (reason != null) {
            answer.put("Reason", reason);
        }
        return StubResponse.json(400, write(answer), type);
    }

    private static String write(ObjectNode answer) {
        try {
            return Json.MAPPER.writeValueAsString(answer);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not write a JSON tree", e);
        }
    }

    /** A page, or the error that refuses it. */
    private record Paging(Page page, StubResponse error) {

        static Paging of(Page page) {
            return new Paging(page, null);
        }

        static Paging failed(StubResponse error) {
            return new Paging(null, error);
        }
    }

    /** One page of a listing: items {@code [from, to)}, and the token of the next page or null. */
    private record Page(int from, int to, String nextToken) {
    }
}
