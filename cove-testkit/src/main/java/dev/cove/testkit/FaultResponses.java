package dev.cove.testkit;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Renders injected answers in the wire format of the request's protocol, and rewrites real ones. */
final class FaultResponses {

    private static final Map<String, String> XML_NAMESPACES = Map.of(
            "sts", "https://sts.amazonaws.com/doc/2011-06-15/",
            "iam", "https://iam.amazonaws.com/doc/2010-05-08/");
    private static final Pattern EXPIRATION = Pattern.compile("<Expiration>[^<]*</Expiration>");
    private static final Pattern ACCESS_KEY_ID = Pattern.compile("<AccessKeyId>([^<]+)</AccessKeyId>");

    private FaultResponses() {
    }

    static HttpExchange.Response error(Faults.AwsError error, AwsRequests.Parsed request) {
        String requestId = UUID.randomUUID().toString();
        String code = error.code(request.protocol());
        HeaderList headers = new HeaderList();
        headers.add("x-amzn-RequestId", requestId);
        byte[] body;
        if (request.protocol() == AwsRequests.Protocol.JSON || request.protocol() == AwsRequests.Protocol.REST_JSON) {
            headers.add("x-amzn-ErrorType", code);
            headers.add("Content-Type", request.protocol() == AwsRequests.Protocol.JSON
                    ? "application/x-amz-json-1.1" : "application/json");
            body = Json.write(Json.MAPPER.createObjectNode().put("__type", code).put("message", error.message()));
        } else {
            headers.add("Content-Type", "text/xml");
            String namespace = XML_NAMESPACES.get(request.recorded().service());
            body = ("<ErrorResponse" + (namespace == null ? "" : " xmlns=\"" + namespace + "\"") + ">"
                    + "<Error><Type>" + (error.status() >= 500 ? "Receiver" : "Sender") + "</Type>"
                    + "<Code>" + xmlEscape(code) + "</Code>"
                    + "<Message>" + xmlEscape(error.message()) + "</Message></Error>"
                    + "<RequestId>" + requestId + "</RequestId></ErrorResponse>").getBytes(StandardCharsets.UTF_8);
        }
        return new HttpExchange.Response(error.status(), reason(error.status()), headers, body, true);
    }

    static HttpExchange.Response httpStatus(Faults.HttpStatus fault) {
        HeaderList headers = new HeaderList();
        headers.add("Content-Type", "text/plain; charset=utf-8");
        byte[] body = ("Injected HTTP " + fault.status() + "\n").getBytes(StandardCharsets.UTF_8);
        return new HttpExchange.Response(fault.status(), reason(fault.status()), headers, body, true);
    }

    static HttpExchange.Response badGateway(String detail) {
        HeaderList headers = new HeaderList();
        headers.add("Content-Type", "text/plain; charset=utf-8");
        byte[] body = ("fault proxy could not reach upstream: " + detail + "\n").getBytes(StandardCharsets.UTF_8);
        return new HttpExchange.Response(502, "Bad Gateway", headers, body, false);
    }

    /** Replaces every {@code <Expiration>} in an XML answer with now plus {@code lifetime}. */
    static HttpExchange.Response withExpiration(HttpExchange.Response response,
            Faults.ShortLivedCredentials fault) {
        String body = new String(response.body(), StandardCharsets.UTF_8);
        String expiration = DateTimeFormatter.ISO_INSTANT.format(
                Instant.now().plus(fault.lifetime()).truncatedTo(ChronoUnit.SECONDS));
        Matcher matcher = EXPIRATION.matcher(body);
        if (!matcher.find()) {
            return response;
        }
        String rewritten = matcher.replaceAll("<Expiration>" + expiration + "</Expiration>");
        return response.withBody(rewritten.getBytes(StandardCharsets.UTF_8));
    }

    /** Returns the access key id in an AssumeRole answer, or null. */
    static String accessKeyId(HttpExchange.Response response) {
        Matcher matcher = ACCESS_KEY_ID.matcher(new String(response.body(), StandardCharsets.UTF_8));
        return matcher.find() ? matcher.group(1).strip() : null;
    }

    private static String reason(int status) {
        return switch (status) {
            case 400 -> "Bad Request";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 429 -> "Too Many Requests";
            case 500 -> "Internal Server Error";
            case 502 -> "Bad Gateway";
            case 503 -> "Service Unavailable";
            case 504 -> "Gateway Timeout";
            default -> "Error";
        };
    }

    private static String xmlEscape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                .replace("\"", "&quot;").replace("'", "&apos;");
    }
}
