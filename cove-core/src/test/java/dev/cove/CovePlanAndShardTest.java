package dev.cove;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.cove.testkit.AwsShape;
import dev.cove.testkit.FaultProxy;
import dev.cove.testkit.MotoExtension;
import dev.cove.testkit.OrgFixture;
import dev.cove.testkit.OrganizationBuilder;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A plan made once and run as given, and a run spread over disjoint shards of whole accounts. */
class CovePlanAndShardTest {

    @RegisterExtension
    static final MotoExtension MOTO = new MotoExtension();

    private OrgFixture org;
    private FaultProxy proxy;

    @BeforeEach
    void buildOrganization() {
        org = OrganizationBuilder.on(MOTO.endpoint()).ou("apps", apps -> apps.accounts(7)).build();
        proxy = SharedProxy.cleared(AwsShape.MOTO);
    }

    private Cove.Builder cove() {
        return LocalCove.against(proxy.endpoint());
    }

    private static String key(String id, String region) {
        return id + "/" + region;
    }

    @Test
    void run_withAPlan_visitsExactlyItsTargets_withTheirMetadata_withoutListingTheOrganization() {
        List<CoveTarget> everything = cove().regions("us-east-1", "eu-west-1").build().targets();
        List<CoveTarget> plan = List.of(everything.get(3), everything.get(0), everything.get(1), everything.get(6));
        proxy.clear();

        CoveOutput<String> out = cove().plan(plan).build().run(session -> session.region().id());

        assertThat(out.results()).extracting(r -> key(r.id(), r.region())).containsExactly(
                key(everything.get(0).id(), "us-east-1"), key(everything.get(0).id(), "eu-west-1"),
                key(everything.get(3).id(), "eu-west-1"), key(everything.get(6).id(), "us-east-1"));
        assertThat(out.results()).allSatisfy(r -> {
            CoveTarget planned = everything.stream().filter(t -> t.id().equals(r.id())).findFirst().orElseThrow();
            assertThat(r.info().name()).isEqualTo(planned.name());
            assertThat(r.info().email()).isEqualTo(planned.email());
            assertThat(r.result()).isEqualTo(r.region());
        });
        assertThat(proxy.count("ListAccounts")).as("the plan is not listed again").isZero();
        assertThat(proxy.count("AssumeRole")).as("once per account").isEqualTo(3);
    }

    @Test
    void run_withAPlanWithoutRegions_runsEachAccountInTheRunsRegions() {
        List<CoveTarget> plan = org.memberIds().stream().limit(2)
                .map(id -> new CoveTarget(id, null, null, null, null, null, null, null, null)).toList();

        CoveOutput<String> out = cove().plan(plan).regions("eu-west-2", "ap-south-1").build().run(s -> "ok");

        assertThat(out.results()).extracting(r -> key(r.id(), r.region())).containsExactlyInAnyOrder(
                key(plan.get(0).id(), "eu-west-2"), key(plan.get(0).id(), "ap-south-1"),
                key(plan.get(1).id(), "eu-west-2"), key(plan.get(1).id(), "ap-south-1"));
        assertThat(out.results()).allSatisfy(r -> assertThat(r.info().name()).isNull());
    }

    @Test
    void targets_withAPlanAndIgnoreIds_leavesTheIgnoredAccountsOut() {
        List<CoveTarget> plan = cove().build().targets();
        String ignored = plan.get(2).id();

        List<CoveTarget> targets = cove().plan(plan).ignoreIds(ignored).build().targets();

        assertThat(targets).hasSize(plan.size() - 1).extracting(CoveTarget::id).doesNotContain(ignored);
    }

    @Test
    void targets_ofEveryShard_holdEveryTargetExactlyOnce_inWholeAccounts_balanced() {
        Cove.Builder whole = cove().regions("us-east-1", "eu-west-1", "ap-south-1");
        List<CoveTarget> everything = whole.build().targets();

        List<String> seen = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        Map<String, Integer> shardOfAccount = new java.util.HashMap<>();
        for (int index = 0; index < 3; index++) {
            List<CoveTarget> share = whole.shard(index, 3).build().targets();
            sizes.add(share.size());
            for (CoveTarget target : share) {
                seen.add(key(target.id(), target.region()));
                Integer before = shardOfAccount.putIfAbsent(target.id(), index);
                assertThat(before == null || before == index).as("account %s in one shard", target.id()).isTrue();
            }
        }

        assertThat(seen).containsExactlyInAnyOrderElementsOf(everything.stream()
                .map(t -> key(t.id(), t.region())).toList());
        assertThat(sizes).as("7 accounts x 3 regions over 3 shards").containsExactly(9, 6, 6);
        assertThat(whole.shard(1, 3).build().targets()).as("deterministic")
                .isEqualTo(whole.shard(1, 3).build().targets());
    }

    @Test
    void run_ofOneShard_visitsOnlyItsShare_andAssumesEachOfItsRolesOnce() {
        List<CoveTarget> plan = cove().regions("us-east-1", "eu-west-1").build().targets();
        Set<String> expected = cove().plan(plan).shard(2, 3).build().targets().stream()
                .map(t -> key(t.id(), t.region())).collect(Collectors.toSet());
        proxy.clear();

        CoveOutput<String> out = cove().plan(plan).shard(2, 3).build().run(s -> "ok");

        assertThat(out.results()).extracting(r -> key(r.id(), r.region())).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(proxy.count("AssumeRole")).isEqualTo(new HashSet<>(out.results().stream().map(CoveResult::id)
                .toList()).size());
        assertThat(proxy.count("ListAccounts")).isZero();
    }

    @Test
    void run_ofAShareWithNoAccount_isAnEmptyRun_notAnError() {
        List<CoveTarget> plan = cove().build().targets().subList(0, 2);

        CoveOutput<String> out = cove().plan(plan).shard(4, 5).build().run(s -> "ok");

        assertThat(out.size()).isZero();
        assertThat(out.allSucceeded()).isTrue();
    }

    @Test
    void build_whenTheShardIndexIsOutOfRange_saysItCountsFromZero() {
        assertThatExceptionOfType(CoveConfigurationException.class).isThrownBy(() -> Cove.builder().shard(3, 3).build())
                .satisfies(e -> {
                    assertThat(e.option()).isEqualTo("shard");
                    assertThat(e.value()).isEqualTo("3/3");
                })
                .withMessage("shard: the shard index must be 0 to 2 for 3 shards (it counts from 0), got 3");
        assertThatExceptionOfType(CoveConfigurationException.class).isThrownBy(() -> Cove.builder().shard(0, 0).build())
                .withMessage("shard: the number of shards must be 1 to 100000, got 0");
    }

    @Test
    void build_whenThePlanIsBad_namesTheTarget() {
        CoveTarget a = new CoveTarget("111122223333", "us-east-1", null, null, null, null, null, null, null);
        assertThatExceptionOfType(CoveConfigurationException.class)
                .isThrownBy(() -> Cove.builder().plan(List.of(a, a)).build())
                .withMessage("plan: account 111122223333 region us-east-1 is in the plan twice");
        assertThatExceptionOfType(CoveConfigurationException.class)
                .isThrownBy(() -> Cove.builder().plan(List.of(new CoveTarget("ou-ab12-cdef3456", null, null, null,
                        null, null, null, null, null))).build())
                .withMessage("plan: a plan names accounts by their 12-digit ID, not 'ou-ab12-cdef3456'");
        assertThatExceptionOfType(CoveConfigurationException.class)
                .isThrownBy(() -> Cove.builder().plan(List.of(new CoveTarget("111122223333", "moon-1", null, null,
                        null, null, null, null, null))).build())
                .withMessageStartingWith("plan: unknown AWS region 'moon-1'");
        assertThatExceptionOfType(CoveConfigurationException.class)
                .isThrownBy(() -> Cove.builder().plan(List.of(a)).targetIds("111122223333").build())
                .withMessageStartingWith("plan: a plan names its targets itself: leave targetIds unset");
    }
}
