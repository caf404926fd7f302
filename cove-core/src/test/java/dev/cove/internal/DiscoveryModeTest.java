package dev.cove.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DiscoveryModeTest {

    private static DiscoveryMode run(int workers, List<String> regions, List<String> excluded) {
        Map<Option<?>, Object> set = new HashMap<>();
        set.put(Options.THREAD_WORKERS, workers);
        set.put(Options.REGIONS, regions);
        set.put(Options.EXCLUDE_REGIONS, excluded);
        return DiscoveryMode.of(CoveConfig.check(set), false);
    }

    @Test
    void of_withTheAssumingRegionOnly_allowsTheTreeFromFortyWorkers() {
        assertThat(run(39, null, null)).isEqualTo(DiscoveryMode.CHAIN);
        assertThat(run(40, null, null)).isEqualTo(DiscoveryMode.TREE_WHEN_LARGE);
    }

    @Test
    void of_withThreeNamedRegions_allowsTheTreeFromEightyWorkers() {
        List<String> three = List.of("us-east-1", "eu-west-1", "ap-northeast-1");
        assertThat(run(79, three, null)).isEqualTo(DiscoveryMode.CHAIN);
        assertThat(run(80, three, null)).isEqualTo(DiscoveryMode.TREE_WHEN_LARGE);
    }

    @Test
    void of_countsTheNamedRegionsLeftAfterTheExcludedOnes() {
        List<String> three = List.of("us-east-1", "us-west-1", "eu-west-1");
        assertThat(run(60, three, List.of("us-*"))).isEqualTo(DiscoveryMode.TREE_WHEN_LARGE);
        assertThat(run(60, three, null)).isEqualTo(DiscoveryMode.CHAIN);
    }

    @Test
    void of_whenRegionsAreLookedUp_countsOneRegionPerAccount() {
        assertThat(run(39, List.of("all"), null)).isEqualTo(DiscoveryMode.CHAIN);
        assertThat(run(40, List.of("all"), null)).isEqualTo(DiscoveryMode.TREE_WHEN_LARGE);
        assertThat(run(40, List.of("us-east-1", "eu-*"), null)).isEqualTo(DiscoveryMode.TREE_WHEN_LARGE);
    }

    @Test
    void of_forADryRun_alwaysAllowsTheTree() {
        Map<Option<?>, Object> set = new HashMap<>();
        set.put(Options.THREAD_WORKERS, 1);
        set.put(Options.REGIONS, List.of("us-east-1", "eu-west-1", "ap-northeast-1"));
        assertThat(DiscoveryMode.of(CoveConfig.check(set), true)).isEqualTo(DiscoveryMode.TREE_WHEN_LARGE);
    }
}
