package dev.cove.internal;

import java.util.Optional;
import java.util.function.UnaryOperator;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.AwsProfileRegionProvider;

/**
 * Finds the default region the way botocove users expect: {@code AWS_REGION}, the {@code aws.region}
 * system property, {@code AWS_DEFAULT_REGION} (boto's variable), then the profile's {@code region}.
 */
public final class RegionChain {

    private final UnaryOperator<String> env;
    private final UnaryOperator<String> properties;

    RegionChain(UnaryOperator<String> env, UnaryOperator<String> properties) {
        this.env = env;
        this.properties = properties;
    }

    /**
     * Returns the chain reading this process's environment and system properties.
     *
     * @return the chain
     */
    public static RegionChain system() {
        return new RegionChain(System::getenv, System::getProperty);
    }

    /**
     * Returns the first region the chain finds.
     *
     * @return the region, or empty when none is set anywhere
     */
    public Optional<Region> find() {
        for (String candidate : new String[] {env.apply("AWS_REGION"), properties.apply("aws.region"),
                env.apply("AWS_DEFAULT_REGION")}) {
            if (candidate != null && !candidate.isBlank()) {
                return Optional.of(Region.of(Validation.region(candidate.trim(), "assumingRegion")));
            }
        }
        try {
            return Optional.ofNullable(new AwsProfileRegionProvider().getRegion());
        } catch (SdkClientException noProfileRegion) {
            return Optional.empty();
        }
    }

    /**
     * Returns the first region the chain finds, or fails saying how to set one.
     *
     * @return the region
     * @throws dev.cove.CoveConfigurationException when no region is set anywhere
     */
    public Region require() {
        return find().orElseThrow(() -> Validation.fail("regions", null, "no AWS region is set: name the regions "
                + "to run in, or set AWS_REGION or AWS_DEFAULT_REGION, or a region in your AWS profile "
                + "(~/.aws/config)"));
    }
}
