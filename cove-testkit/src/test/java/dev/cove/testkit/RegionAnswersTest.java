package dev.cove.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;

/**
 * A {@link FaultProxy} built with {@code accountRegions} answers account:ListRegions and ec2:DescribeRegions per
 * account, as the AWS API reference gives them. The requests are made by hand: the proxy reads the service and
 * access key from the Authorization header and does not check signatures.
 */
class RegionAnswersTest {

    @RegisterExtension
    static final MotoExtension MOTO = new MotoExtension();

    private static final String MEMBER = "111122223333";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private FaultProxy proxy;

    @BeforeEach
    void startProxy() {
        proxy = FaultProxy.builder(MOTO.endpoint()).accountRegions(Map.of(
                MEMBER, Map.of("us-east-1", "ENABLED_BY_DEFAULT", "ap-east-1", "ENABLED", "me-south-1", "DISABLED",
                        "eu-south-1", "ENABLING"),
                Moto.MANAGEMENT_ACCOUNT_ID, Map.of("us-east-1", "ENABLED_BY_DEFAULT"))).start();
    }

    @AfterEach
    void closeProxy() {
        proxy.close();
    }

    private HttpResponse<String> post(String service, String accessKey, String path, String contentType, String body)
            throws Exception {
        HttpRequest request = HttpRequest.newBuilder(proxy.endpoint().resolve(path))
                .header("Authorization", "AWS4-HMAC-SHA256 Credential=" + accessKey + "/20250101/us-east-1/" + service
                        + "/aws4_request, SignedHeaders=host, Signature=0")
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> listRegions(String body) throws Exception {
        return post("account", Moto.ACCESS_KEY_ID, "/listRegions", "application/json", body);
    }

    @Test
    void listRegions_forAnAccountId_givesItsRegionsAndTheirOptStatus_sortedByName() throws Exception {
        HttpResponse<String> answer = listRegions("{\"AccountId\": \"" + MEMBER + "\"}");

        assertThat(answer.statusCode()).isEqualTo(200);
        JsonNode regions = Json.MAPPER.readTree(answer.body()).get("Regions");
        assertThat(regions.findValuesAsText("RegionName")).containsExactly("ap-east-1", "eu-south-1", "me-south-1",
                "us-east-1");
        assertThat(regions.findValuesAsText("RegionOptStatus")).containsExactly("ENABLED", "ENABLING", "DISABLED",
                "ENABLED_BY_DEFAULT");
        assertThat(proxy.requests("ListRegions")).singleElement()
                .satisfies(r -> assertThat(r.param("AccountId")).isEqualTo(MEMBER));
    }

    @Test
    void listRegions_withMaxResults_pagesWithANextToken_andFiltersByStatus() throws Exception {
        JsonNode first = Json.MAPPER.readTree(listRegions("{\"AccountId\": \"" + MEMBER + "\", \"MaxResults\": 3}")
                .body());
        JsonNode second = Json.MAPPER.readTree(listRegions("{\"AccountId\": \"" + MEMBER + "\", \"MaxResults\": 3, "
                + "\"NextToken\": \"" + first.get("NextToken").asText() + "\"}").body());
        JsonNode enabled = Json.MAPPER.readTree(listRegions("{\"AccountId\": \"" + MEMBER + "\", "
                + "\"RegionOptStatusContains\": [\"ENABLED\", \"ENABLED_BY_DEFAULT\"]}").body());

        assertThat(first.get("Regions")).hasSize(3);
        assertThat(second.get("Regions").findValuesAsText("RegionName")).containsExactly("us-east-1");
        assertThat(second.has("NextToken")).isFalse();
        assertThat(enabled.get("Regions").findValuesAsText("RegionName")).containsExactly("ap-east-1", "us-east-1");
    }

    @Test
    void listRegions_withoutAccountId_answersForTheCallersOwnAccount() throws Exception {
        JsonNode answer = Json.MAPPER.readTree(listRegions("{}").body());

        assertThat(answer.get("Regions").findValuesAsText("RegionName")).containsExactly("us-east-1");
    }

    @Test
    void listRegions_whenTheManagementAccountNamesItself_isAValidationException() throws Exception {
        HttpResponse<String> answer = listRegions("{\"AccountId\": \"" + Moto.MANAGEMENT_ACCOUNT_ID + "\"}");

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.headers().firstValue("x-amzn-ErrorType")).contains("ValidationException");
    }

    @Test
    void listRegions_withMaxResultsAbove50_orAnAccountNotInTheMap_isAValidationException() throws Exception {
        assertThat(listRegions("{\"AccountId\": \"" + MEMBER + "\", \"MaxResults\": 51}").statusCode()).isEqualTo(400);
        assertThat(listRegions("{\"AccountId\": \"" + Moto.OUTSIDE_ACCOUNT_ID + "\"}").statusCode()).isEqualTo(400);
    }

    @Test
    void listRegions_faultRulesComeFirst() throws Exception {
        proxy.addRule(FaultRule.on("ListRegions").first(1).then(Fault.accessDenied("no")));

        HttpResponse<String> denied = listRegions("{\"AccountId\": \"" + MEMBER + "\"}");

        assertThat(denied.statusCode()).isEqualTo(403);
        assertThat(denied.headers().firstValue("x-amzn-ErrorType")).contains("AccessDeniedException");
        assertThat(listRegions("{\"AccountId\": \"" + MEMBER + "\"}").statusCode()).isEqualTo(200);
    }

    @Test
    void describeRegions_signedWithAnAccountsAssumedRoleKey_givesThatAccountsEnabledRegions() throws Exception {
        AwsCredentialsProvider member = MotoAccounts.assumeRole(proxy.endpoint(), MEMBER);
        String key = member.resolveCredentials().accessKeyId();

        HttpResponse<String> enabled = post("ec2", key, "/", "application/x-www-form-urlencoded",
                "Action=DescribeRegions&Version=2016-11-15");
        HttpResponse<String> all = post("ec2", key, "/", "application/x-www-form-urlencoded",
                "Action=DescribeRegions&Version=2016-11-15&AllRegions=true");

        assertThat(enabled.statusCode()).isEqualTo(200);
        assertThat(regionNames(enabled.body())).containsExactly("ap-east-1", "us-east-1");
        assertThat(enabled.body()).contains("<optInStatus>opted-in</optInStatus>",
                "<optInStatus>opt-in-not-required</optInStatus>");
        assertThat(regionNames(all.body())).containsExactly("ap-east-1", "eu-south-1", "me-south-1", "us-east-1");
        assertThat(all.body()).contains("<optInStatus>not-opted-in</optInStatus>");
    }

    @Test
    void describeRegions_ofAnAccountNotInTheMap_goesToMoto() throws Exception {
        String key = MotoAccounts.assumeRole(proxy.endpoint(), "555566667777").resolveCredentials().accessKeyId();

        HttpResponse<String> answer = post("ec2", key, "/", "application/x-www-form-urlencoded",
                "Action=DescribeRegions&Version=2016-11-15");

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(regionNames(answer.body())).hasSizeGreaterThan(10);
    }

    private static List<String> regionNames(String xml) {
        return java.util.regex.Pattern.compile("<regionName>([^<]+)</regionName>").matcher(xml).results()
                .map(m -> m.group(1)).toList();
    }
}
