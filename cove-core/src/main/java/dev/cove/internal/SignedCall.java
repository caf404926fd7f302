package dev.cove.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.retries.api.AcquireInitialTokenRequest;
import software.amazon.awssdk.retries.api.RecordSuccessRequest;
import software.amazon.awssdk.retries.api.RefreshRetryTokenRequest;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.retries.api.RetryToken;
import software.amazon.awssdk.retries.api.TokenAcquisitionFailedException;

/**
 * One AWS API call that Cove makes without the service's SDK module: {@code account:ListRegions} and
 * {@code ec2:DescribeRegions}. Cove's runtime dependencies are the SDK's STS and Organizations modules and one
 * HTTP client; the Account module would add a jar for one call and the EC2 module a large one. So the request is
 * built here, signed with the SDK's own SigV4 signer, sent through the run's HTTP client, and retried with the
 * same strategy as Cove's other calls (throttling, 429 and 5xx with backoff and jitter), each attempt bounded by
 * {@code apiCallAttemptTimeout} and the call by four times that. Errors are the SDK's
 * {@link AwsServiceException} with the service's code and message.
 */
final class SignedCall {

    /** A call with its retries may take this many times the attempt timeout, as Cove's other calls. */
    private static final int CALL_TIMEOUT_FACTOR = 4;
    private static final Pattern XML_CODE = Pattern.compile("<Code>([^<]*)</Code>");
    private static final Pattern XML_MESSAGE = Pattern.compile("<Message>([^<]*)</Message>");
    private static final Pattern JSON_TYPE = Pattern.compile("\"__type\"\\s*:\\s*\"([^\"]*)\"");
    private static final Pattern JSON_MESSAGE = Pattern.compile("\"[mM]essage\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");

    private final SdkHttpClient http;
    private final Duration attemptTimeout;
    private final RetryStrategy retryStrategy = AwsClients.retryStrategy();

    /**
     * A request.
     *
     * @param service the signing name and the service's name in errors, e.g. {@code account}
     * @param endpoint the endpoint, e.g. {@code https://account.us-east-1.amazonaws.com}
     * @param signingRegion the region the request is signed for
     * @param path the request path, e.g. {@code /listRegions}
     * @param contentType the body's content type
     * @param body the body
     * @param xmlErrors whether the service answers errors in XML (EC2) rather than JSON
     */
    record Request(String service, URI endpoint, String signingRegion, String path, String contentType, byte[] body,
            boolean xmlErrors) {
    }

    /**
     * Creates the caller.
     *
     * @param http the run's HTTP client
     * @param attemptTimeout the longest one attempt may take
     */
    SignedCall(SdkHttpClient http, Duration attemptTimeout) {
        this.http = http;
        this.attemptTimeout = attemptTimeout;
    }

    /**
     * Sends a request, retrying what may succeed on a later attempt.
     *
     * @param request the request
     * @param credentials who signs it
     * @return the answer's body
     * @throws AwsServiceException the service's error, after the last attempt
     * @throws SdkClientException when the service cannot be reached, after the last attempt
     */
    byte[] send(Request request, AwsCredentialsProvider credentials) {
        long deadline = System.nanoTime() + attemptTimeout.multipliedBy(CALL_TIMEOUT_FACTOR).toNanos();
        RetryToken token = retryStrategy.acquireInitialToken(AcquireInitialTokenRequest.create(request.service()))
                .token();
        while (true) {
            try {
                byte[] body = attempt(request, credentials);
                retryStrategy.recordSuccess(RecordSuccessRequest.create(token));
                return body;
            } catch (SdkException e) {
                Duration delay;
                try {
                    var refreshed = retryStrategy.refreshRetryToken(
                            RefreshRetryTokenRequest.builder().token(token).failure(e).build());
                    token = refreshed.token();
                    delay = refreshed.delay();
                } catch (TokenAcquisitionFailedException noMoreAttempts) {
                    throw e;
                }
                if (System.nanoTime() + delay.toNanos() > deadline) {
                    throw e;
                }
                sleep(delay);
            }
        }
    }

    private byte[] attempt(Request request, AwsCredentialsProvider credentials) {
        AwsCredentials identity = credentials.resolveCredentials();
        String base = request.endpoint().toString();
        URI uri = URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + request.path());
        SdkHttpFullRequest unsigned = SdkHttpFullRequest.builder()
                .method(SdkHttpMethod.POST)
                .uri(uri)
                .putHeader("Content-Type", request.contentType())
                .putHeader("Content-Length", Integer.toString(request.body().length))
                .build();
        SignedRequest signed = AwsV4HttpSigner.create().sign(r -> r
                .identity(identity)
                .request(unsigned)
                .payload(ContentStreamProvider.fromByteArrayUnsafe(request.body()))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, request.service())
                .putProperty(AwsV4HttpSigner.REGION_NAME, request.signingRegion()));
        ExecutableHttpRequest call = http.prepareRequest(HttpExecuteRequest.builder()
                .request(signed.request())
                .contentStreamProvider(signed.payload().orElse(null))
                .build());
        Thread watchdog = Thread.ofVirtual().name("cove-" + request.service() + "-timeout").start(() -> {
            try {
                Thread.sleep(attemptTimeout);
                call.abort();
            } catch (InterruptedException answered) {
                // the attempt ended in time
            }
        });
        try {
            HttpExecuteResponse response = call.call();
            byte[] body = read(response);
            int status = response.httpResponse().statusCode();
            if (status / 100 == 2) {
                return body;
            }
            throw error(request, response, status, new String(body, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw SdkClientException.builder().message("Unable to execute the " + request.service() + " call to "
                    + uri + ": " + e).cause(e).build();
        } finally {
            watchdog.interrupt();
        }
    }

    private static byte[] read(HttpExecuteResponse response) throws IOException {
        if (response.responseBody().isEmpty()) {
            return new byte[0];
        }
        try (AbortableInputStream in = response.responseBody().get(); InputStream body = in) {
            return body.readAllBytes();
        }
    }

    private static AwsServiceException error(Request request, HttpExecuteResponse response, int status, String body) {
        String code;
        String message;
        if (request.xmlErrors()) {
            code = first(XML_CODE, body);
            message = first(XML_MESSAGE, body);
        } else {
            // rest-json errors name their type in X-Amzn-ErrorType or __type, either possibly qualified:
            // https://smithy.io/2.0/aws/protocols/aws-restjson1-protocol.html#operation-error-serialization
            code = response.httpResponse().firstMatchingHeader("X-Amzn-ErrorType").orElse(first(JSON_TYPE, body));
            message = first(JSON_MESSAGE, body);
            if (code != null) {
                code = code.contains(":") ? code.substring(0, code.indexOf(':')) : code;
                code = code.contains("#") ? code.substring(code.lastIndexOf('#') + 1) : code;
            }
        }
        if (code == null || code.isBlank()) {
            code = "HTTP " + status;
        }
        if (message == null) {
            message = body.isBlank() ? "HTTP " + status : abbreviate(body);
        }
        return AwsServiceException.builder()
                .statusCode(status)
                .message(message)
                .requestId(response.httpResponse().firstMatchingHeader("x-amzn-RequestId").orElse(null))
                .awsErrorDetails(AwsErrorDetails.builder()
                        .errorCode(code)
                        .errorMessage(message)
                        .serviceName(request.service().toUpperCase(Locale.ROOT).charAt(0) + request.service().substring(1))
                        .sdkHttpResponse(response.httpResponse())
                        .build())
                .build();
    }

    private static String first(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        return matcher.find() ? matcher.group(1) : null;
    }

    private static String abbreviate(String text) {
        String oneLine = text.replaceAll("\\s+", " ").strip();
        return oneLine.length() <= 200 ? oneLine : oneLine.substring(0, 197) + "...";
    }

    private static void sleep(Duration delay) {
        try {
            Thread.sleep(delay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw SdkClientException.builder().message("Interrupted while waiting to retry").cause(e).build();
        }
    }
}
