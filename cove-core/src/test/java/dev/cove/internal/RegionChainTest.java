package dev.cove.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

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
    void require_whenNoRegionIsSetAnywhere_saysHowToSetOne() {
        String previous = System.getProperty("aws.configFile");
        System.setProperty("aws.configFile", "/nonexistent/cove-test/config");
        try {
            RegionChain chain = new RegionChain(key -> null, key -> null);
            assertThatIllegalArgumentException().isThrownBy(chain::require)
                    .withMessageStartingWith("regions: no AWS region is set")
                    .withMessageContaining("AWS_REGION")
                    .withMessageNotContaining("--")
                    .isInstanceOf(dev.cove.CoveConfigurationException.class);
        } finally {
            if (previous == null) {
                System.clearProperty("aws.configFile");
            } else {
                System.setProperty("aws.configFile", previous);
            }
        }
    }

    @Test
    void find_whenRegionVariableIsUnknown_namesIt() {
        RegionChain chain = new RegionChain(Map.of("AWS_REGION", "moon-1")::get, key -> null);
        assertThatIllegalArgumentException().isThrownBy(chain::find).withMessageContaining("'moon-1'");
    }

    @Test
    void find_usesAwsDefaultRegionLikeBoto() {
        RegionChain chain = new RegionChain(Map.of("AWS_DEFAULT_REGION", "us-west-2")::get, key -> null);
        assertThat(chain.find()).contains(Region.US_WEST_2);
    }
}
