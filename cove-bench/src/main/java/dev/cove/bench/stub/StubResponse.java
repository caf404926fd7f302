package dev.cove.bench.stub;

import java.nio.charset.StandardCharsets;

/**
 * One response of the stub.
 *
 * @param status the HTTP status
 * @param contentType the content type
 * @param body the body
 * @param errorType the error code for the {@code x-amzn-ErrorType} header, or null for a success
 */
record StubResponse(int status, String contentType, byte[] body, String errorType) {

    static StubResponse xml(int status, String body) {
        return new StubResponse(status, "text/xml", body.getBytes(StandardCharsets.UTF_8), null);
    }

    static StubResponse json(int status, String body, String errorType) {
        return new StubResponse(status, "application/x-amz-json-1.1", body.getBytes(StandardCharsets.UTF_8),
                errorType);
    }
}
