package dev.cove.testkit;

import java.net.URI;
import java.util.Objects;

/**
 * How the AWS API that tests talk to answers: as moto answers, or as the AWS API reference says AWS
 * answers today. Tests that pass under {@link #MOTO} can still fail against AWS; running them under
 * {@link #AWS_TODAY} as well catches code that relies on moto's drift.
 *
 * <pre>{@code
 * @ParameterizedTest
 * @EnumSource(AwsShape.class)
 * void discovery_findsEveryAccount(AwsShape shape) {
 *     URI endpoint = MOTO.endpoint(shape); // MOTO is a MotoExtension
 *     ...
 * }
 * }</pre>
 */
public enum AwsShape {

    /**
     * moto as it answers: Organizations account objects carry both {@code Status} and
     * {@code State}, ListAccounts pages hold up to 100 accounts, ListChildren and ListRoots are not
     * paged, no page is empty while more follow, and {@code MaxResults} is not checked.
     */
    MOTO,

    /**
     * moto through a {@link FaultProxy} built with {@link FaultProxy.Builder#awsToday(boolean)}:
     * Organizations answers the way the AWS API reference says AWS answers today, with account
     * {@code State} and no {@code Status}, pages of at most 20 items, one empty page with a
     * NextToken in every listing, and AWS's {@code InvalidInputException} for {@code MaxResults}
     * outside 1 to 20 and for unknown NextTokens.
     */
    AWS_TODAY;

    /**
     * Returns the endpoint that answers in this shape for the moto server at {@code motoEndpoint}:
     * {@code motoEndpoint} itself for {@link #MOTO}; for {@link #AWS_TODAY}, the endpoint of an
     * AWS-today {@link FaultProxy} in front of it, one per moto endpoint, shared by the whole JVM,
     * started on first use and closed when the JVM exits. The shared proxy records no requests and
     * has no fault rules; start your own with {@code FaultProxy.builder(moto).awsToday(true)} to
     * add rules or count requests.
     *
     * @param motoEndpoint a moto endpoint such as {@link MotoServer#endpoint()}
     * @return the endpoint to point clients at
     * @throws IllegalArgumentException if {@code motoEndpoint} is not an {@code http://host:port}
     *     URI
     */
    public URI endpoint(URI motoEndpoint) {
        Objects.requireNonNull(motoEndpoint, "motoEndpoint");
        return switch (this) {
            case MOTO -> motoEndpoint;
            case AWS_TODAY -> SharedAwsTodayProxies.endpointFor(motoEndpoint);
        };
    }
}
