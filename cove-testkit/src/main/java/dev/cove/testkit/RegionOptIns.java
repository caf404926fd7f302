package dev.cove.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import software.amazon.awssdk.regions.Region;

/**
 * The Regions each account has enabled, and the Account Management answers a {@link FaultProxy} gives from them
 * itself: moto 5.2 implements neither ListRegions nor GetRegionOptStatus.
 *
 * <p>Every account has the default Regions, which AWS enables in every account and which cannot be disabled
 * ({@code ENABLED_BY_DEFAULT}); an opt-in Region is {@code ENABLED} in the accounts that declared it and
 * {@code DISABLED} in the others (https://docs.aws.amazon.com/accounts/latest/reference/manage-acct-regions.html:
 * "Regions launched before March 20, 2019 are enabled by default ... Regions launched after March 20, 2019 are
 * disabled by default"). The Regions are those of the {@code aws} partition the SDK knows. Immutable.
 */
final class RegionOptIns {

    /** The Regions launched before 2019-03-20: enabled in every account. */
    static final Set<String> DEFAULT_REGIONS = Set.of(
            "us-east-1", "us-east-2", "us-west-1", "us-west-2", "ca-central-1", "sa-east-1",
            "eu-central-1", "eu-west-1", "eu-west-2", "eu-west-3", "eu-north-1",
            "ap-south-1", "ap-northeast-1", "ap-northeast-2", "ap-northeast-3", "ap-southeast-1", "ap-southeast-2");

    /** Every Region of the {@code aws} partition, sorted by name. */
    static final List<String> REGIONS = Region.regions().stream()
            .filter(region -> !region.isGlobalRegion() && region.metadata() != null
                    && region.metadata().partition().id().equals("aws"))
            .map(Region::id)
            .sorted()
            .toList();

    // MaxResults of ListRegions: 1 to 50 (https://docs.aws.amazon.com/accounts/latest/reference/API_ListRegions.html)
    private static final int MAX_RESULTS = 50;

    private final Map<String, Set<String>> enabledByAccount;
    /** Changes with every proxy, so that a NextToken of another proxy is refused. */
    private final String tokenPrefix = UUID.randomUUID() + ":";

    RegionOptIns(Map<String, Set<String>> enabledByAccount) {
        this.enabledByAccount = Map.copyOf(enabledByAccount);
    }

    /**
     * Checks that every name is a Region of the {@code aws} partition and returns them as a set.
     *
     * @throws IllegalArgumentException naming the first unknown Region and listing the known ones
     */
    static Set<String> requireKnown(Collection<String> regions) {
        Set<String> known = new TreeSet<>();
        for (String region : regions) {
            if (!REGIONS.contains(region)) {
                throw new IllegalArgumentException("unknown region '" + region + "'; the aws partition has " + REGIONS);
            }
            known.add(region);
        }
        return Set.copyOf(known);
    }

    /** Tells whether the proxy answers this request itself. */
    static boolean answers(AwsRequests.Parsed request) {
        String action = request.recorded().action();
        return request.protocol() == AwsRequests.Protocol.REST_JSON && "account".equals(request.recorded().service())
                && (action.equals("ListRegions") || action.equals("GetRegionOptStatus"));
    }

    /**
     * Answers ListRegions or GetRegionOptStatus for the account named in the request, or else the account
     * {@code callerAccount} (null when unknown).
     */
    HttpExchange.Response answer(AwsRequests.Parsed request, String callerAccount) {
        RecordedRequest recorded = request.recorded();
        ObjectNode body = recorded.body().isBlank() ? Json.MAPPER.createObjectNode()
                : Json.readObject(recorded.body().getBytes(StandardCharsets.UTF_8));
        if (body == null) {
            return validationError("the request body is not a JSON object");
        }
        String account = recorded.param("AccountId") != null ? recorded.param("AccountId") : callerAccount;
        if (account == null) {
            return validationError("the fault proxy does not know which account access key " + recorded.accessKeyId()
                    + " belongs to: send AccountId, or build the proxy with learnMotoAccounts(true)");
        }
        return recorded.action().equals("ListRegions") ? listRegions(body, account) : regionOptStatus(body, account);
    }

    /** Returns the status of {@code region} in {@code account}. */
    String status(String account, String region) {
        if (DEFAULT_REGIONS.contains(region)) {
            return "ENABLED_BY_DEFAULT";
        }
        return enabledByAccount.getOrDefault(account, Set.of()).contains(region) ? "ENABLED" : "DISABLED";
    }

    private HttpExchange.Response listRegions(ObjectNode request, String account) {
        JsonNode maxResults = request.get("MaxResults");
        if (maxResults != null && (!maxResults.canConvertToInt() || maxResults.asInt() < 1
                || maxResults.asInt() > MAX_RESULTS)) {
            return validationError("MaxResults must be 1 to " + MAX_RESULTS + ", got " + maxResults);
        }
        Set<String> wanted = new HashSet<>();
        request.path("RegionOptStatusContains").forEach(status -> wanted.add(status.asText()));
        List<String> regions = REGIONS.stream()
                .filter(region -> wanted.isEmpty() || wanted.contains(status(account, region)))
                .toList();
        int from = 0;
        JsonNode nextToken = request.get("NextToken");
        if (nextToken != null) {
            String token = nextToken.asText();
            Integer index = token.startsWith(tokenPrefix) ? parseIndex(token.substring(tokenPrefix.length())) : null;
            if (index == null || index > regions.size()) {
                return validationError("NextToken " + token + " was not handed out for this listing");
            }
            from = index;
        }
        int to = maxResults == null ? regions.size() : Math.min(regions.size(), from + maxResults.asInt());
        ObjectNode answer = Json.MAPPER.createObjectNode();
        ArrayNode page = answer.putArray("Regions");
        for (String region : regions.subList(from, to)) {
            page.addObject().put("RegionName", region).put("RegionOptStatus", status(account, region));
        }
        if (to < regions.size()) {
            answer.put("NextToken", tokenPrefix + to);
        }
        return json(200, "OK", answer, null);
    }

    private HttpExchange.Response regionOptStatus(ObjectNode request, String account) {
        String region = request.path("RegionName").asText(null);
        if (region == null || !REGIONS.contains(region)) {
            return validationError("RegionName must be a Region of the aws partition, got " + region);
        }
        return json(200, "OK", Json.MAPPER.createObjectNode().put("RegionName", region)
                .put("RegionOptStatus", status(account, region)), null);
    }

    private static Integer parseIndex(String text) {
        try {
            int index = Integer.parseInt(text);
            return index >= 0 ? index : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** HTTP 400 ValidationException, as the Account Management API answers bad input. */
    private static HttpExchange.Response validationError(String message) {
        return json(400, "Bad Request", Json.MAPPER.createObjectNode().put("message", message), "ValidationException");
    }

    private static HttpExchange.Response json(int status, String reason, ObjectNode body, String errorType) {
        HeaderList headers = new HeaderList();
        headers.add("Content-Type", "application/json");
        headers.add("x-amzn-RequestId", UUID.randomUUID().toString());
        if (errorType != null) {
            headers.add("x-amzn-ErrorType", errorType);
        }
        return new HttpExchange.Response(status, reason, headers, Json.write(body), true);
    }
}
