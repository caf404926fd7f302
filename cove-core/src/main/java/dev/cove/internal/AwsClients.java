package dev.cove.internal;

import java.time.Duration;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.SdkSystemSetting;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * The clients one run owns: one HTTP client (pool sized to the workers), one STS client and one
 * Organizations client. Closing it closes them, but never the caller's credentials provider.
 */
public final class AwsClients implements AutoCloseable {

    /**
     * Attempts per call to STS and Organizations unless the SDK's own {@code AWS_MAX_ATTEMPTS} /
     * {@code aws.maxAttempts} setting says otherwise; throttled calls back off with jitter between them.
     */
    static final int MAX_ATTEMPTS = 10;
    /** Extra connections beyond one per worker, for discovery running beside the targets. */
    private static final int SPARE_CONNECTIONS = 32;
    /** A call with its retries may take this many times the attempt timeout. */
    private static final int CALL_TIMEOUT_FACTOR = 4;

    private final CoveConfig config;
    private final Region region;
    private final SdkHttpClient httpClient;
    private final AwsCredentialsProvider ownedCredentials;
    private final AwsCredentialsProvider credentials;
    private final StsClient sts;
    private final OrganizationsClient organizations;
    private final RunProfileFile profileFile = new RunProfileFile();

    private AwsClients(CoveConfig config, Region region) {
        this.config = config;
        this.region = region;
        this.httpClient = ApacheHttpClient.builder()
                .maxConnections(config.get(Options.THREAD_WORKERS) + SPARE_CONNECTIONS)
                .connectionTimeout(Duration.ofSeconds(10))
                .socketTimeout(Duration.ofSeconds(60))
                .connectionAcquisitionTimeout(Duration.ofSeconds(60))
                .build();
        this.ownedCredentials = config.get(Options.ASSUMING_CREDENTIALS) == null ? DefaultCredentialsProvider.builder().build()
                : null;
        this.credentials = config.get(Options.ASSUMING_CREDENTIALS) != null ? config.get(Options.ASSUMING_CREDENTIALS)
                : ownedCredentials;
        this.sts = configure(StsClient.builder(), credentials).build();
        this.organizations = configure(OrganizationsClient.builder(), credentials).build();
    }

    /**
     * Creates the run's clients in the assuming region.
     *
     * @param config the run's settings
     * @param region the region of the STS and Organizations clients
     * @return the clients; the caller closes them
     */
    public static AwsClients open(CoveConfig config, Region region) {
        return new AwsClients(config, region);
    }

    private <B extends AwsClientBuilder<B, ?> & AwsSyncClientBuilder<B, ?>> B configure(B builder, AwsCredentialsProvider credentials) {
        builder.credentialsProvider(credentials)
                .region(region)
                .httpClient(httpClient)
                .overrideConfiguration(ClientOverrideConfiguration.builder()
                        .retryStrategy(retryStrategy())
                        .apiCallTimeout(config.get(Options.API_CALL_ATTEMPT_TIMEOUT).multipliedBy(CALL_TIMEOUT_FACTOR))
                        .apiCallAttemptTimeout(config.get(Options.API_CALL_ATTEMPT_TIMEOUT))
                        .build());
        if (config.get(Options.ENDPOINT_OVERRIDE) != null) {
            builder.endpointOverride(config.get(Options.ENDPOINT_OVERRIDE));
        }
        return builder;
    }

    /**
     * Returns the retry strategy of Cove's own calls: the SDK's standard strategy (exponential backoff
     * with jitter on throttling, 429 and 5xx), with more attempts and no circuit breaker, so that a burst
     * of throttling across thousands of accounts cannot empty a shared retry budget.
     *
     * @return the retry strategy
     */
    static RetryStrategy retryStrategy() {
        return AwsRetryStrategy.standardRetryStrategy().toBuilder()
                .maxAttempts(maxAttempts())
                .circuitBreakerEnabled(false)
                .build();
    }

    /**
     * Returns how many attempts one of Cove's own calls makes: {@link #MAX_ATTEMPTS}, unless the SDK's
     * {@code AWS_MAX_ATTEMPTS} / {@code aws.maxAttempts} setting says otherwise.
     *
     * @return at least 1
     */
    static int maxAttempts() {
        return SdkSystemSetting.AWS_MAX_ATTEMPTS.getIntegerValue().filter(n -> n >= 1).orElse(MAX_ATTEMPTS);
    }

    /**
     * Returns the run's shared HTTP client.
     *
     * @return the HTTP client
     */
    public SdkHttpClient httpClient() {
        return httpClient;
    }

    /**
     * Returns the AWS config and credentials files, read once for all the clients the run's functions build.
     *
     * @return the run's profile file supplier
     */
    Supplier<ProfileFile> profileFile() {
        return profileFile;
    }

    /**
     * Returns the calling credentials: the assuming credentials, or the SDK's default chain.
     *
     * @return the credentials provider
     */
    public AwsCredentialsProvider credentials() {
        return credentials;
    }

    /**
     * Returns the run's STS client.
     *
     * @return the STS client
     */
    public StsClient sts() {
        return sts;
    }

    /**
     * Returns the run's Organizations client.
     *
     * @return the Organizations client
     */
    public OrganizationsClient organizations() {
        return organizations;
    }

    @Override
    public void close() {
        Closer.quietly(organizations);
        Closer.quietly(sts);
        if (ownedCredentials instanceof AutoCloseable closeable) {
            Closer.quietly(closeable);
        }
        Closer.quietly(httpClient);
    }
}
