package dev.cove.testkit;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Works out the protocol, service, action, parameters and access key of an AWS API request. */
final class AwsRequests {

    /** The wire protocol of a request, which decides how an injected error must look. */
    enum Protocol {
        /** {@code Action=...} form parameters answered with XML (STS, IAM). */
        QUERY,
        /** {@code X-Amz-Target} with a JSON body (Organizations). */
        JSON,
        /** Anything else, e.g. moto's own API. */
        OTHER
    }

    /** A request as the proxy understood it. */
    record Parsed(Protocol protocol, RecordedRequest recorded) {
    }

    private static final Pattern CREDENTIAL = Pattern.compile(
            "Credential=([^/,\\s]+)/[^/,\\s]*/([^/,\\s]+)/([^/,\\s]+)/aws4_request");
    private static final Map<String, String> TARGET_PREFIXES = Map.of(
            "AWSOrganizationsV20161128", "organizations");

    private AwsRequests() {
    }

    static Parsed parse(HttpExchange.Request request) {
        String body = new String(request.body(), StandardCharsets.UTF_8);
        String service = null;
        String accessKeyId = null;
        String authorization = request.headers().get("Authorization");
        if (authorization != null) {
            Matcher credential = CREDENTIAL.matcher(authorization);
            if (credential.find()) {
                accessKeyId = credential.group(1);
                service = credential.group(3);
            }
        }
        Map<String, String> query = decodeForm(request.query());
        if (accessKeyId == null && query.containsKey("X-Amz-Credential")) {
            String[] scope = query.get("X-Amz-Credential").split("/");
            accessKeyId = scope[0];
            service = scope.length > 3 ? scope[3] : null;
        }
        String target = request.headers().get("X-Amz-Target");
        Instant now = Instant.now();
        if (target != null) {
            int dot = target.lastIndexOf('.');
            String action = dot < 0 ? target : target.substring(dot + 1);
            if (service == null && dot > 0) {
                String prefix = target.substring(0, dot);
                service = TARGET_PREFIXES.getOrDefault(prefix, prefix.toLowerCase(Locale.ROOT));
            }
            return new Parsed(Protocol.JSON, new RecordedRequest(service, action,
                    Json.topLevelStrings(body), body, accessKeyId, now));
        }
        if ("account".equals(service) && request.method().equals("POST") && request.path().length() > 1) {
            // The Account Management API is rest-json: the operation is the path, e.g. POST /listRegions
            // (https://docs.aws.amazon.com/accounts/latest/reference/API_ListRegions.html); errors are JSON.
            String operation = request.path().substring(1);
            String action = Character.toUpperCase(operation.charAt(0)) + operation.substring(1);
            return new Parsed(Protocol.JSON, new RecordedRequest(service, action, Json.topLevelStrings(body), body,
                    accessKeyId, now));
        }
        Map<String, String> params = new LinkedHashMap<>(query);
        String contentType = request.headers().get("Content-Type");
        if (contentType != null && contentType.toLowerCase(Locale.ROOT)
                .startsWith("application/x-www-form-urlencoded")) {
            params.putAll(decodeForm(body));
        }
        String action = params.get("Action");
        if (action != null) {
            return new Parsed(Protocol.QUERY, new RecordedRequest(service, action, params, body,
                    accessKeyId, now));
        }
        return new Parsed(Protocol.OTHER, new RecordedRequest(service,
                request.method() + " " + request.path(), params, body, accessKeyId, now));
    }

    static Map<String, String> decodeForm(String form) {
        Map<String, String> params = new LinkedHashMap<>();
        if (form.isEmpty()) {
            return params;
        }
        for (String pair : form.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            String value = equals < 0 ? "" : pair.substring(equals + 1);
            try {
                params.put(URLDecoder.decode(name, StandardCharsets.UTF_8),
                        URLDecoder.decode(value, StandardCharsets.UTF_8));
            } catch (IllegalArgumentException malformed) {
                params.put(name, value);
            }
        }
        return params;
    }
}
