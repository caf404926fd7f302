package dev.cove;

import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.regions.Region;

/**
 * One target's view of AWS: the assumed role's credentials in one account and region.
 *
 * <p>A session belongs to the task that received it and is valid only until the function returns;
 * Cove then closes every client the session made. It is not meant to be shared across threads.
 */
public interface CoveSession {

    /**
     * Returns what is known of this target: account metadata and the parameters the role was assumed with.
     *
     * @return the target's information, never null
     */
    SessionInformation sessionInformation();

    /**
     * Returns the target account's 12-digit ID.
     *
     * @return the account ID
     */
    String accountId();

    /**
     * Returns the target region.
     *
     * @return the region
     */
    Region region();

    /**
     * Returns the assumed role's credentials; they refresh themselves before they expire, so a function
     * may run longer than one credential lifetime.
     *
     * @return the credentials provider of the assumed role
     */
    AwsCredentialsProvider credentialsProvider();

    /**
     * Builds an AWS client for this target: the builder gets the session's credentials, region, the run's
     * endpoint override (if any) and, for synchronous clients, the run's shared HTTP client. Cove closes
     * the client when the function returns.
     *
     * <pre>{@code IamClient iam = session.client(IamClient.builder());}</pre>
     *
     * @param builder a fresh client builder, e.g. {@code IamClient.builder()}
     * @param <C> the client type
     * @return the built client
     */
    <C> C client(AwsClientBuilder<?, C> builder);
}
