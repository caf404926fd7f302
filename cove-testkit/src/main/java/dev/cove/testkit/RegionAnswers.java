package dev.cove.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * Answers {@code account:ListRegions} and {@code ec2:DescribeRegions} from a configured map of each account's
 * regions and their opt-in status, for a {@link FaultProxy} built with
 * {@link FaultProxy.Builder#accountRegions(Map)}. moto 5.2 has no ListRegions, and its DescribeRegions lists every
 * region for every account, so neither can show accounts that differ.
 *
 * <p>ListRegions, as https://docs.aws.amazon.com/accounts/latest/reference/API_ListRegions.html gives it:
 * {@code POST /listRegions} with a JSON body of {@code AccountId} (the caller's own account when absent; the
 * management account may not name itself), {@code MaxResults} (1 to 50,
 * {@code ListRegionsRequestMaxResultsInteger} in the service model), {@code NextToken} and
 * {@code RegionOptStatusContains}; it answers {@code Regions} of {@code RegionName} and {@code RegionOptStatus}
 * (ENABLED, ENABLING, DISABLING, DISABLED, ENABLED_BY_DEFAULT:
 * https://docs.aws.amazon.com/accounts/latest/reference/API_Region.html) and a {@code NextToken} while more follow.
 * Without {@code MaxResults} the whole list is one page. An account not in the map, or the management account
 * naming itself, gets HTTP 400 {@code ValidationException}.
 *
 * <p>DescribeRegions (https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DescribeRegions.html) is answered
 * for the accounts of the map, found by the access key the request is signed with (see
 * {@link FaultProxy#learnedAccounts()}): the enabled regions (ENABLED or ENABLED_BY_DEFAULT), or with
 * {@code AllRegions=true} every region, each with its {@code optInStatus} (opt-in-not-required for
 * ENABLED_BY_DEFAULT, opted-in for ENABLED, not-opted-in otherwise). Requests of other accounts go to moto.
 */
final class RegionAnswers {

    private static final Set<String> ENABLED = Set.of("ENABLED", "ENABLED_BY_DEFAULT");
    private static final int MAX_RESULTS = 50;

    private final Map<String, Map<String, String>> regions;
    private final String managementAccount;

    /**
     * Creates the answers.
     *
     * @param regions each account's regions and their RegionOptStatus, by account ID
     * @param managementAccount the account that may not name itself in ListRegions
     */
    RegionAnswers(Map<String, Map<String, String>> regions, String managementAccount) {
        Map<String, Map<String, String>> copy = new LinkedHashMap<>();
        regions.forEach((account, statuses) -> copy.put(account, Map.copyOf(new LinkedHashMap<>(statuses))));
        this.regions = Map.copyOf(copy);
        this.managementAccount = managementAccount;
    }

    /**
     * Answers the request if it is one of the two.
     *
     * @param request the request as parsed
     * @param callerAccount finds the account of an access key, or null
     * @return the answer, or null to forward the request
     */
    HttpExchange.Response answer(AwsRequests.Parsed request, Function<String, String> callerAccount) {
        RecordedRequest recorded = request.recorded();
        String caller = recorded.accessKeyId() == null ? null : callerAccount.apply(recorded.accessKeyId());
        if ("account".equals(recorded.service()) && "ListRegions".equals(recorded.action())) {
            return listRegions(recorded, caller);
        }
        if ("ec2".equals(recorded.service()) && "DescribeRegions".equals(recorded.action())
                && caller != null && regions.containsKey(caller)) {
            return describeRegions(caller, "true".equalsIgnoreCase(recorded.param("AllRegions")));
        }
        return null;
    }

    private HttpExchange.Response listRegions(RecordedRequest request, String caller) {
        ObjectNode body = Json.readObject(request.body().getBytes(StandardCharsets.UTF_8));
        if (body == null) {
            body = Json.MAPPER.createObjectNode();
        }
        String accountId = body.path("AccountId").asText(null);
        if (accountId != null && accountId.equals(managementAccount)) {
            return validation("The management account can't specify its own AccountId.");
        }
        String account = accountId != null ? accountId : caller;
        Map<String, String> statuses = account == null ? null : regions.get(account);
        if (statuses == null) {
            return validation("The test proxy has no regions for account " + account + ".");
        }
        int maxResults = MAX_RESULTS;
        JsonNode max = body.get("MaxResults");
        if (max != null && !max.isNull()) {
            if (!max.canConvertToInt() || max.intValue() < 1 || max.intValue() > MAX_RESULTS) {
                return validation("MaxResults must be between 1 and 50.");
            }
            maxResults = max.intValue();
        }
        List<String> wanted = new ArrayList<>();
        body.path("RegionOptStatusContains").forEach(status -> wanted.add(status.asText()));
        List<Map.Entry<String, String>> listed = statuses.entrySet().stream()
                .filter(entry -> wanted.isEmpty() || wanted.contains(entry.getValue()))
                .sorted(Map.Entry.comparingByKey())
                .toList();
        int offset = 0;
        String token = body.path("NextToken").asText(null);
        if (token != null) {
            String prefix = account + ":";
            if (!token.startsWith(prefix)) {
                return validation("The NextToken is not valid.");
            }
            try {
                offset = Integer.parseInt(token.substring(prefix.length()));
            } catch (NumberFormatException e) {
                return validation("The NextToken is not valid.");
            }
        }
        int end = Math.min(listed.size(), offset + (max == null || max.isNull() ? listed.size() : maxResults));
        ObjectNode answer = Json.MAPPER.createObjectNode();
        ArrayNode page = answer.putArray("Regions");
        for (Map.Entry<String, String> entry : listed.subList(Math.min(offset, end), end)) {
            page.addObject().put("RegionName", entry.getKey()).put("RegionOptStatus", entry.getValue());
        }
        if (end < listed.size()) {
            answer.put("NextToken", account + ":" + end);
        }
        return json(200, "OK", answer, null);
    }

    private HttpExchange.Response describeRegions(String account, boolean all) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<DescribeRegionsResponse xmlns=\"http://ec2.amazonaws.com/doc/2016-11-15/\">"
                + "<requestId>" + UUID.randomUUID() + "</requestId><regionInfo>");
        regions.get(account).entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(entry -> {
            boolean enabled = ENABLED.contains(entry.getValue());
            if (enabled || all) {
                String optIn = entry.getValue().equals("ENABLED_BY_DEFAULT") ? "opt-in-not-required"
                        : entry.getValue().equals("ENABLED") ? "opted-in" : "not-opted-in";
                xml.append("<item><regionName>").append(entry.getKey()).append("</regionName><regionEndpoint>ec2.")
                        .append(entry.getKey()).append(".amazonaws.com</regionEndpoint><optInStatus>").append(optIn)
                        .append("</optInStatus></item>");
            }
        });
        xml.append("</regionInfo></DescribeRegionsResponse>");
        HeaderList headers = new HeaderList();
        headers.add("Content-Type", "text/xml;charset=UTF-8");
        return new HttpExchange.Response(200, "OK", headers, xml.toString().getBytes(StandardCharsets.UTF_8), true);
    }

    /** ValidationException, HTTP 400, in the rest-json error shape (service model: httpStatusCode 400). */
    private static HttpExchange.Response validation(String message) {
        ObjectNode error = Json.MAPPER.createObjectNode().put("message", message);
        return json(400, "Bad Request", error, "ValidationException");
    }

    private static HttpExchange.Response json(int status, String reason, ObjectNode body, String errorType) {
        HeaderList headers = new HeaderList();
        headers.add("x-amzn-RequestId", UUID.randomUUID().toString());
        headers.add("Content-Type", "application/json");
        if (errorType != null) {
            headers.add("x-amzn-ErrorType", errorType);
        }
        return new HttpExchange.Response(status, reason, headers, Json.write(body), true);
    }
}
