package dev.cove.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Rewrites moto's Organizations answers the way the AWS API reference says AWS answers today,
 * for a {@link FaultProxy} built with {@link FaultProxy.Builder#awsToday(boolean)}.
 *
 * <p>The rules, each next to the code that implements it with the page of the AWS Organizations
 * API reference it follows:
 * <ol>
 *   <li>Every account object in a ListAccounts, ListAccountsForParent or DescribeAccount answer
 *       carries {@code State} and no {@code Status}; when moto sent no {@code State}, it is
 *       derived from {@code Status} (same name: ACTIVE, SUSPENDED, PENDING_CLOSURE).</li>
 *   <li>ListAccounts, ListAccountsForParent, ListChildren, ListOrganizationalUnitsForParent and
 *       ListRoots are re-paged: a request without a NextToken makes the proxy fetch the whole
 *       listing from moto (following moto's own NextToken until moto sends none) and keep it under
 *       a random listing id; pages are then served from it with the proxy's own random NextTokens.
 *       A page holds at most {@code MaxResults} items, 20 when the request has none.</li>
 *   <li>Every listing includes exactly one empty page that carries a NextToken: when the whole
 *       listing fits in the first page (at most {@code MaxResults} items, including none at all),
 *       the first answer is empty with a NextToken and the second holds the items; otherwise the
 *       empty page comes right after the first full page. Every other page but the last is
 *       full.</li>
 *   <li>{@code MaxResults} above 20 is refused with HTTP 400 {@code InvalidInputException},
 *       Reason {@code MAX_VALUE_EXCEEDED}; below 1 with Reason {@code MIN_VALUE_EXCEEDED}.</li>
 *   <li>A NextToken the proxy did not hand out, handed out for another action or other
 *       parameters, or belonging to a listing it has since forgotten (it keeps the
 *       {@value #MAX_LISTINGS} most recently used listings) is refused with HTTP 400
 *       {@code InvalidInputException}, Reason {@code INVALID_PAGINATION_TOKEN}.</li>
 * </ol>
 *
 * <p>A NextToken may be sent again (a retried page is served again). moto's errors, answers that
 * are not JSON objects, and requests whose {@code MaxResults} is not a JSON integer pass through
 * unchanged. Requests sent to moto to fetch a listing carry the client's parameters without
 * {@code MaxResults} and {@code NextToken}; their signature no longer matches, which moto does not
 * check. Thread-safe.
 */
final class AwsTodayAnswers {

    /** Sends one request upstream and returns the answer. */
    @FunctionalInterface
    interface Upstream {
        HttpExchange.Response send(HttpExchange.Request request) throws IOException;
    }

    /** How many listings are kept for their NextTokens; older ones are forgotten. */
    static final int MAX_LISTINGS = 128;

    /**
     * The largest page AWS serves and the default page size; MaxResults above it is refused.
     * https://docs.aws.amazon.com/organizations/latest/APIReference/API_ListAccounts.html
     * (and the same "Valid Range: Minimum value of 1. Maximum value of 20." on
     * API_ListAccountsForParent.html, API_ListChildren.html,
     * API_ListOrganizationalUnitsForParent.html and API_ListRoots.html)
     */
    static final int MAX_PAGE = 20;

    private static final String JSON_CONTENT_TYPE = "application/x-amz-json-1.1";
    private static final int MAX_UPSTREAM_PAGES = 10_000;

    /** The listing operations re-paged, with the member of their answer that holds the items. */
    private static final Map<String, String> RESULT_KEYS = Map.of(
            // https://docs.aws.amazon.com/organizations/latest/APIReference/API_ListAccounts.html
            "ListAccounts", "Accounts",
            // https://docs.aws.amazon.com/organizations/latest/APIReference/API_ListAccountsForParent.html
            "ListAccountsForParent", "Accounts",
            // https://docs.aws.amazon.com/organizations/latest/APIReference/API_ListChildren.html
            "ListChildren", "Children",
            // https://docs.aws.amazon.com/organizations/latest/APIReference/API_ListOrganizationalUnitsForParent.html
            "ListOrganizationalUnitsForParent", "OrganizationalUnits",
            // https://docs.aws.amazon.com/organizations/latest/APIReference/API_ListRoots.html
            "ListRoots", "Roots");

    /** Operations whose answers hold Account objects. */
    private static final Set<String> ACCOUNT_LISTINGS = Set.of("ListAccounts", "ListAccountsForParent");
    private static final String DESCRIBE_ACCOUNT = "DescribeAccount";

    private final SecureRandom random = new SecureRandom();
    private final Map<String, Listing> listings = Collections.synchronizedMap(
            new LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Listing> eldest) {
                    return size() > MAX_LISTINGS;
                }
            });

    /**
     * A listing fetched whole from moto.
     *
     * @param id the random id that starts each of its NextTokens
     * @param action the operation, e.g. ListChildren
     * @param query the request's parameters other than MaxResults and NextToken
     * @param resultKey the member of the answer that holds the items, e.g. Children
     * @param items the items in moto's order, each once
     * @param tokens the NextTokens handed out for this listing and where each continues
     */
    private record Listing(String id, String action, JsonNode query, String resultKey, List<JsonNode> items,
            Map<String, Cursor> tokens) {
    }

    /**
     * Where a NextToken continues a listing.
     *
     * @param offset the index of the next item to serve
     * @param emptyPageServed whether the listing's one empty page has been served
     */
    private record Cursor(int offset, boolean emptyPageServed) {
        static final Cursor START = new Cursor(0, false);
    }

    /** Returns true for the Organizations requests this class answers. */
    static boolean rewrites(AwsRequests.Parsed request) {
        RecordedRequest recorded = request.recorded();
        return request.protocol() == AwsRequests.Protocol.JSON
                && "organizations".equals(recorded.service())
                && (RESULT_KEYS.containsKey(recorded.action()) || DESCRIBE_ACCOUNT.equals(recorded.action()));
    }

    /**
     * Answers {@code request}, for which {@link #rewrites} is true, asking {@code upstream} as
     * needed.
     *
     * @throws IOException if moto cannot be reached
     */
    HttpExchange.Response answer(HttpExchange.Request request, RecordedRequest recorded, Upstream upstream)
            throws IOException {
        String action = recorded.action();
        if (DESCRIBE_ACCOUNT.equals(action)) {
            // answers {"Account": {...}} with an Account object:
            // https://docs.aws.amazon.com/organizations/latest/APIReference/API_DescribeAccount.html
            return describeAccount(upstream.send(request));
        }
        ObjectNode body = Json.readObject(request.body());
        if (body == null) {
            return upstream.send(request);
        }
        JsonNode maxResults = body.get("MaxResults");
        int pageSize = MAX_PAGE;
        if (maxResults != null && !maxResults.isNull()) {
            if (!maxResults.isIntegralNumber() || !maxResults.canConvertToInt()) {
                return upstream.send(request);
            }
            pageSize = maxResults.intValue();
            // MaxResults is "Valid Range: Minimum value of 1. Maximum value of 20." and an
            // out-of-range numeric parameter is InvalidInputException with Reason
            // MAX_VALUE_EXCEEDED or MIN_VALUE_EXCEEDED ("You provided a numeric parameter that
            // has a larger/smaller value than allowed"), per the Errors section of
            // https://docs.aws.amazon.com/organizations/latest/APIReference/API_ListAccounts.html
            // (same on the other List* pages cited in RESULT_KEYS).
            if (pageSize > MAX_PAGE) {
                return invalidInput("MAX_VALUE_EXCEEDED", "You provided a numeric parameter that has a larger"
                        + " value than allowed: MaxResults " + pageSize + " is above " + MAX_PAGE + ".");
            }
            if (pageSize < 1) {
                return invalidInput("MIN_VALUE_EXCEEDED", "You provided a numeric parameter that has a smaller"
                        + " value than allowed: MaxResults " + pageSize + " is below 1.");
            }
        }
        JsonNode nextToken = body.get("NextToken");
        ObjectNode query = body.deepCopy();
        query.remove("MaxResults");
        query.remove("NextToken");
        if (nextToken != null && !nextToken.isNull()) {
            return continueListing(action, query, nextToken.asText(), pageSize);
        }
        Fetched fetched = fetch(request, action, query, upstream);
        if (fetched.failure() != null) {
            return fetched.failure();
        }
        Listing listing = new Listing(randomId(), action, query, RESULT_KEYS.get(action), fetched.items(),
                new ConcurrentHashMap<>());
        listings.put(listing.id(), listing);
        return page(listing, Cursor.START, pageSize);
    }

    private HttpExchange.Response continueListing(String action, JsonNode query, String token, int pageSize) {
        int dot = token.indexOf('.');
        Listing listing = dot < 0 ? null : listings.get(token.substring(0, dot));
        Cursor cursor = listing == null ? null : listing.tokens().get(token);
        if (cursor == null || !listing.action().equals(action) || !listing.query().equals(query)) {
            // "INVALID_PAGINATION_TOKEN: Get the value for the NextToken parameter from the
            // response to a previous call of the operation." — InvalidInputException in the
            // Errors section of
            // https://docs.aws.amazon.com/organizations/latest/APIReference/API_ListAccounts.html
            // (the same list of reasons is at
            // https://docs.aws.amazon.com/botocore/latest/reference/services/organizations/client/exceptions/InvalidInputException.html).
            // The service model's Reason enum names this value INVALID_NEXT_TOKEN instead, so the
            // Java SDK's reason() reads it as UNKNOWN_TO_SDK_VERSION; reasonAsString() has it.
            return invalidInput("INVALID_PAGINATION_TOKEN", "The NextToken is not one this operation handed out"
                    + " for these parameters, or it has expired. Get the value for the NextToken parameter from"
                    + " the response to a previous call of the operation.");
        }
        return page(listing, cursor, pageSize);
    }

    /**
     * Serves the page of {@code listing} at {@code at}.
     *
     * <p>"Always check the NextToken response parameter for a null value when calling a List*
     * operation. These operations can occasionally return an empty set of results even when there
     * are more results available." —
     * https://docs.aws.amazon.com/organizations/latest/APIReference/API_ListAccounts.html (the
     * same note is on API_ListAccountsForParent.html, API_ListChildren.html,
     * API_ListOrganizationalUnitsForParent.html and API_ListRoots.html). Every listing gets
     * exactly one such page: first when the listing fits in one page, otherwise right after the
     * first full page.
     */
    private HttpExchange.Response page(Listing listing, Cursor at, int pageSize) {
        int total = listing.items().size();
        List<JsonNode> served;
        Cursor next;
        if (!at.emptyPageServed() && (at.offset() > 0 || total <= pageSize)) {
            served = List.of();
            next = new Cursor(at.offset(), true);
        } else {
            int end = Math.min(at.offset() + pageSize, total);
            served = listing.items().subList(at.offset(), end);
            next = end < total ? new Cursor(end, at.emptyPageServed()) : null;
        }
        ObjectNode answer = Json.MAPPER.createObjectNode();
        ArrayNode items = answer.putArray(listing.resultKey());
        served.forEach(items::add);
        if (next != null) {
            String token = listing.id() + "." + randomId();
            listing.tokens().put(token, next);
            answer.put("NextToken", token);
        }
        return ok(answer);
    }

    /** The items of a whole listing, or the upstream answer to pass on instead. */
    private record Fetched(List<JsonNode> items, HttpExchange.Response failure) {
    }

    private static Fetched fetch(HttpExchange.Request request, String action, ObjectNode query, Upstream upstream)
            throws IOException {
        String resultKey = RESULT_KEYS.get(action);
        boolean accounts = ACCOUNT_LISTINGS.contains(action);
        List<JsonNode> items = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        Set<String> motoTokens = new HashSet<>();
        String motoToken = null;
        for (int pages = 0; pages < MAX_UPSTREAM_PAGES; pages++) {
            ObjectNode body = query.deepCopy();
            if (motoToken != null) {
                body.put("NextToken", motoToken);
            }
            HttpExchange.Response response = upstream.send(new HttpExchange.Request(request.method(),
                    request.target(), request.version(), request.headers(), Json.write(body)));
            ObjectNode answer = response.status() == 200 ? Json.readObject(response.body()) : null;
            JsonNode page = answer == null ? null : answer.get(resultKey);
            if (page == null || !page.isArray()) {
                return new Fetched(null, response);
            }
            for (JsonNode item : page) {
                // moto pages ListAccounts by JoinedTimestamp and may repeat an account whose
                // timestamp equals the next one's; AWS lists each item once
                JsonNode id = item.get("Id");
                if (id != null && id.isTextual() && !ids.add(id.asText())) {
                    continue;
                }
                if (accounts && item instanceof ObjectNode account) {
                    withStateOnly(account);
                }
                items.add(item);
            }
            JsonNode next = answer.get("NextToken");
            if (next == null || next.isNull() || next.asText().isEmpty()) {
                return new Fetched(List.copyOf(items), null);
            }
            motoToken = next.asText();
            if (!motoTokens.add(motoToken)) {
                return new Fetched(null, FaultResponses.badGateway("moto repeated the NextToken " + motoToken));
            }
        }
        return new Fetched(null, FaultResponses.badGateway("moto's listing did not end after "
                + MAX_UPSTREAM_PAGES + " pages"));
    }

    private static HttpExchange.Response describeAccount(HttpExchange.Response response) {
        ObjectNode answer = response.status() == 200 ? Json.readObject(response.body()) : null;
        if (answer == null || !(answer.get("Account") instanceof ObjectNode account)) {
            return response;
        }
        withStateOnly(account);
        return response.withBody(Json.write(answer));
    }

    /**
     * Drops {@code Status} from an Account object and makes sure it has {@code State}.
     *
     * <p>"The Status parameter in the Account object will be retired on September 9, 2026.
     * Although both the account State and account Status parameters are currently available in
     * the Organizations APIs (DescribeAccount, ListAccounts, ListAccountsForParent), we recommend
     * that you update your scripts or other code to use the State parameter instead of Status" —
     * https://docs.aws.amazon.com/organizations/latest/APIReference/API_Account.html, where State
     * is one of PENDING_ACTIVATION | ACTIVE | SUSPENDED | PENDING_CLOSURE | CLOSED and Status one
     * of ACTIVE | SUSPENDED | PENDING_CLOSURE, so a Status maps to the State of the same name.
     */
    static void withStateOnly(ObjectNode account) {
        JsonNode status = account.remove("Status");
        JsonNode state = account.get("State");
        if ((state == null || state.isNull()) && status != null && status.isTextual()) {
            account.put("State", status.asText());
        }
    }

    private static HttpExchange.Response ok(ObjectNode answer) {
        return new HttpExchange.Response(200, "OK", jsonHeaders(), Json.write(answer), true);
    }

    /**
     * An {@code InvalidInputException} in the JSON 1.1 error shape, which carries a Reason:
     * https://docs.aws.amazon.com/organizations/latest/APIReference/API_ListAccounts.html (Errors:
     * "InvalidInputException ... This exception includes a reason that contains additional
     * information about the violated limit", HTTP Status Code: 400).
     */
    private static HttpExchange.Response invalidInput(String reason, String message) {
        ObjectNode error = Json.MAPPER.createObjectNode()
                .put("__type", "InvalidInputException")
                .put("Message", message)
                .put("Reason", reason);
        HeaderList headers = jsonHeaders();
        headers.add("x-amzn-ErrorType", "InvalidInputException");
        return new HttpExchange.Response(400, "Bad Request", headers, Json.write(error), true);
    }

    private static HeaderList jsonHeaders() {
        HeaderList headers = new HeaderList();
        headers.add("x-amzn-RequestId", UUID.randomUUID().toString());
        headers.add("Content-Type", JSON_CONTENT_TYPE);
        return headers;
    }

    private String randomId() {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
