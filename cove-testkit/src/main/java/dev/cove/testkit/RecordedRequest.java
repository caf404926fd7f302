package dev.cove.testkit;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One request that passed through a {@link FaultProxy}, as the proxy understood it.
 *
 * @param service the signing name from the SigV4 credential scope, e.g. {@code sts}, {@code iam},
 *     {@code organizations}; null if the request was not signed and the service is unknown
 * @param action the API action, e.g. {@code AssumeRole} or {@code ListAccounts}; for requests
 *     that are neither Query nor JSON 1.1, the method and path such as {@code POST /moto-api/reset}
 * @param params the decoded form and query-string parameters of a Query request, or the
 *     top-level string fields of a JSON request body, in order
 * @param body the request body as UTF-8 text
 * @param accessKeyId the access key id the request was signed with, or null if unsigned
 * @param at when the proxy received the request
 */
public record RecordedRequest(String service, String action, Map<String, String> params,
        String body, String accessKeyId, Instant at) {

    /** Validates the required components and copies {@code params}, keeping their order. */
    public RecordedRequest {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(at, "at");
        params = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(params, "params")));
    }

    /**
     * Returns the parameter {@code name}.
     *
     * @param name a parameter such as {@code RoleArn}
     * @return the value, or null if the request did not carry it
     */
    public String param(String name) {
        return params.get(name);
    }

    /**
     * Tells whether parameter {@code name} is present and contains {@code text}.
     *
     * @param name a parameter such as {@code RoleArn}
     * @param text the text to look for, such as an account id
     * @return true if it does
     */
    public boolean paramContains(String name, String text) {
        String value = params.get(name);
        return value != null && value.contains(text);
    }
}
