package dev.cove.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AwsRequestsTest {

    private static final String STS_AUTHORIZATION = "AWS4-HMAC-SHA256 "
            + "Credential=ASIAEXAMPLE/20250101/us-east-1/sts/aws4_request, SignedHeaders=host, Signature=0";

    @Test
    void parse_queryRequest_decodesFormAndQueryStringParameters() {
        HeaderList headers = new HeaderList();
        headers.add("Authorization", STS_AUTHORIZATION);
        headers.add("Content-Type", "application/x-www-form-urlencoded; charset=utf-8");
        AwsRequests.Parsed parsed = AwsRequests.parse(request("/?Extra=1", headers,
                "Action=AssumeRole&RoleArn=arn%3Aaws%3Aiam%3A%3A111122223333%3Arole%2FR&RoleSessionName=a+b"));

        assertThat(parsed.protocol()).isEqualTo(AwsRequests.Protocol.QUERY);
        assertThat(parsed.recorded().service()).isEqualTo("sts");
        assertThat(parsed.recorded().action()).isEqualTo("AssumeRole");
        assertThat(parsed.recorded().accessKeyId()).isEqualTo("ASIAEXAMPLE");
        assertThat(parsed.recorded().params()).containsExactly(
                Map.entry("Extra", "1"),
                Map.entry("Action", "AssumeRole"),
                Map.entry("RoleArn", "arn:aws:iam::111122223333:role/R"),
                Map.entry("RoleSessionName", "a b"));
    }

    @Test
    void parse_accountRestJsonRequest_takesTheActionFromThePath() {
        HeaderList headers = new HeaderList();
        headers.add("Authorization", STS_AUTHORIZATION.replace("/sts/", "/account/"));
        headers.add("Content-Type", "application/json");
        AwsRequests.Parsed parsed = AwsRequests.parse(request("/listRegions", headers,
                "{\"AccountId\":\"111122223333\",\"MaxResults\":50}"));

        assertThat(parsed.protocol()).isEqualTo(AwsRequests.Protocol.JSON);
        assertThat(parsed.recorded().service()).isEqualTo("account");
        assertThat(parsed.recorded().action()).isEqualTo("ListRegions");
        assertThat(parsed.recorded().params()).containsExactly(Map.entry("AccountId", "111122223333"));
    }

    @Test
    void parse_jsonRequest_takesActionFromTargetAndKeepsOnlyTopLevelStrings() {
        HeaderList headers = new HeaderList();
        headers.add("X-Amz-Target", "AWSOrganizationsV20161128.ListChildren");
        headers.add("Content-Type", "application/x-amz-json-1.1");
        AwsRequests.Parsed parsed = AwsRequests.parse(request("/", headers,
                "{\"ParentId\":\"r-ab12\",\"MaxResults\":20,\"Nested\":{\"A\":\"x\",\"B\":[\"}\",1]},"
                        + "\"ChildType\":\"ACCOUNT\",\"Quote\":\"say \\\"hi\\\" \\u00e9\"}"));

        assertThat(parsed.protocol()).isEqualTo(AwsRequests.Protocol.JSON);
        assertThat(parsed.recorded().service()).as("from the target when unsigned").isEqualTo("organizations");
        assertThat(parsed.recorded().action()).isEqualTo("ListChildren");
        assertThat(parsed.recorded().params()).containsOnlyKeys("ParentId", "ChildType", "Quote")
                .containsEntry("Quote", "say \"hi\" \u00e9");
        assertThat(parsed.recorded().accessKeyId()).isNull();
    }

    @Test
    void parse_otherRequest_namesActionByMethodAndPath() {
        AwsRequests.Parsed parsed = AwsRequests.parse(request("/moto-api/reset?x=1", new HeaderList(), ""));

        assertThat(parsed.protocol()).isEqualTo(AwsRequests.Protocol.OTHER);
        assertThat(parsed.recorded().action()).isEqualTo("POST /moto-api/reset");
        assertThat(parsed.recorded().service()).isNull();
    }

    @Test
    void topLevelStrings_ofMalformedJson_keepsWhatWasRead() {
        assertThat(Json.topLevelStrings("{\"A\":\"1\",\"B\":")).containsExactly(Map.entry("A", "1"));
        assertThat(Json.topLevelStrings("")).isEmpty();
        assertThat(Json.topLevelStrings("[1,2]")).isEmpty();
    }

    private static HttpExchange.Request request(String target, HeaderList headers, String body) {
        return new HttpExchange.Request("POST", target, "HTTP/1.1", headers, body.getBytes(StandardCharsets.UTF_8));
    }
}
