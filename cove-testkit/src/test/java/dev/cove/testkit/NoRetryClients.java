package dev.cove.testkit;

import java.net.URI;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.sts.StsClient;

/** Clients that surface the first error instead of retrying, so tests see injected faults. */
final class NoRetryClients {

    static final Duration ATTEMPT_TIMEOUT = Duration.ofSeconds(10);

    private NoRetryClients() {
    }

    static StsClient sts(URI endpoint) {
        return Moto.configure(StsClient.builder(), endpoint)
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry())
                        .apiCallAttemptTimeout(ATTEMPT_TIMEOUT))
                .build();
    }

    static StsClient sts(URI endpoint, Duration attemptTimeout) {
        return Moto.configure(StsClient.builder(), endpoint)
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry())
                        .apiCallAttemptTimeout(attemptTimeout))
                .build();
    }

    static OrganizationsClient organizations(URI endpoint) {
        return Moto.configure(OrganizationsClient.builder(), endpoint)
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry())
                        .apiCallAttemptTimeout(ATTEMPT_TIMEOUT))
                .build();
    }

    static IamClient iam(URI endpoint, AwsCredentialsProvider credentials) {
        return Moto.configure(IamClient.builder(), endpoint)
                .credentialsProvider(credentials)
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry())
                        .apiCallAttemptTimeout(ATTEMPT_TIMEOUT))
                .build();
    }
}
