package dev.cove;

import dev.cove.testkit.Moto;
import java.net.URI;
import software.amazon.awssdk.regions.Region;

/** Builders of a Cove that talks to a local endpoint (moto, or a proxy in front of it) as moto's caller. */
final class LocalCove {

    private LocalCove() {
    }

    /**
     * Returns a builder with moto's management-account credentials, us-east-1, the endpoint and no
     * progress bar.
     *
     * @param endpoint moto's or a proxy's endpoint
     * @return the builder
     */
    static Cove.Builder against(URI endpoint) {
        return Cove.builder()
                .assumingCredentials(Moto.credentials())
                .assumingRegion(Region.US_EAST_1)
                .endpointOverride(endpoint)
                .progress(false);
    }
}
