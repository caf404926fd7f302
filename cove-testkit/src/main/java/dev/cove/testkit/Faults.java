package dev.cove.testkit;

import java.time.Duration;
import java.util.Objects;

/** The kinds of {@link Fault}; package-private so that only the factories are API. */
final class Faults {

    private Faults() {
    }

    record Latency(Duration delay) implements Fault {
    }

    /** An AWS error; the Query and JSON protocols may use different codes for the same error. */
    record AwsError(int status, String queryCode, String jsonCode, String message) implements Fault {
        AwsError {
            requireErrorStatus(status);
            requireCode(queryCode);
            requireCode(jsonCode);
            Objects.requireNonNull(message, "message");
        }

        String code(AwsRequests.Protocol protocol) {
            return protocol == AwsRequests.Protocol.QUERY || protocol == AwsRequests.Protocol.OTHER
                    ? queryCode : jsonCode;
        }
    }

    record HttpStatus(int status) implements Fault {
        HttpStatus {
            requireErrorStatus(status);
        }
    }

    record Hang() implements Fault {
    }

    record ResetConnection() implements Fault {
    }

    record ShortLivedCredentials(Duration lifetime) implements Fault {
    }

    private static void requireErrorStatus(int status) {
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("status must be 400 to 599, got " + status);
        }
    }

    private static void requireCode(String code) {
        Objects.requireNonNull(code, "code");
        if (code.isBlank()) {
            throw new IllegalArgumentException("error code must not be blank");
        }
    }
}
