package dev.cove.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;

class RegionChainTest {

    @Test
    void find_prefersAwsRegionOverEverything() {
        RegionChain chain = new RegionChain(Map.of("AWS_REGION", "eu-west-1", "AWS_DEFAULT_REGION", "us-west-2")::get,
                Map.of("aws.region", "ap-south-1")::get);
        assertThat(chain.find()).contains(Region.EU_WEST_1);
    }

    @Test
    void find_usesSystemPropertyBeforeAwsDefaultRegion() {
        RegionChain chain = new RegionChain(Map.of("AWS_DEFAULT_REGION", "us-west-2")::get,
                Map.of("aws.region", "ap-south-1")::get);
        assertThat(chain.find()).contains(Region.AP_SOUTH_1);
    }

    @Test
    void find_usesAwsDefaultRegionLikeBoto() {
        RegionChain chain = new RegionChain(Map.of("AWS_DEFAULT_REGION", "us-west-2")::get, key -> null);
        assertThat(chain.find()).contains(Region.US_WEST_2);
    }
}
