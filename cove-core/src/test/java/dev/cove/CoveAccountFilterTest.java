package dev.cove;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.cove.testkit.Fault;
import dev.cove.testkit.FaultRule;
import dev.cove.testkit.Moto;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Account filters: {@code include}/{@code exclude} with keys {@code id}, {@code name}, {@code email},
 * {@code state}, {@code ou} and {@code tag:KEY}, and {@code accountFilter} over the account's metadata.
 */
@ParameterizedClass(name = "answering as {0}")
@EnumSource(dev.cove.testkit.AwsShape.class)
class CoveAccountFilterTest extends FleetTest {

    private List<String> selected(Cove.Builder builder) {
        return accounts(builder.build().targets());
    }

    @Test
    void include_name_keepsOnlyAccountsWhoseNameMatchesTheGlob() {
        assertThat(selected(cove().include("name=prod-web-*"))).isEqualTo(fleet.ids("prod-web-1", "prod-web-2"));
    }

    @Test
    void include_valuesOfOneExpression_areAlternatives() {
        assertThat(selected(cove().include("name=prod-core,shared-*")))
                .isEqualTo(fleet.ids("prod-core", "shared-tools"));
    }

    @Test
    void include_severalExpressions_mustAllHold() {
        assertThat(selected(cove().include("name=prod-*", "tag:team=web,data")))
                .isEqualTo(fleet.ids("prod-web-1", "prod-web-2", "prod-data"));
    }

    @Test
    void exclude_anyExpressionThatHolds_removesTheAccount() {
        assertThat(selected(cove().targetIds("/Prod").exclude("name=prod-core", "tag:cost=low")))
                .isEqualTo(fleet.ids("prod-web-1", "prod-data"));
    }

    @Test
    void exclude_winsOverInclude() {
        assertThat(selected(cove().include("tag:env=prod").exclude("ou=/Prod/Web")))
                .isEqualTo(fleet.ids("prod-core", "prod-data"));
    }

    @Test
    void include_id_matchesAccountIdGlobs() {
        String id = fleet.id("prod-data");

        assertThat(selected(cove().include("id=" + id.substring(0, 11) + "?"))).contains(id);
        assertThat(selected(cove().include("id=" + id))).containsExactly(id);
    }

    @Test
    void include_email_matchesTheAccountsEmail() {
        assertThat(selected(cove().include("email=sandbox-*@example.com")))
                .isEqualTo(fleet.ids("sandbox-alice", "sandbox-lab"));
    }

    @Test
    void include_state_onlyNarrowsTheActiveAccounts_andSaysWhatItRemoved() {
        assertThat(selected(cove().include("state=ACTIVE"))).hasSize(7);
        assertThatExceptionOfType(CoveConfigurationException.class)
                .isThrownBy(() -> cove().include("state=SUSPENDED").build().targets())
                .withMessage("include: There are no eligible account ids to run against: the selection leaves 7 "
                        + "account(s), and the filters remove them all: include state=SUSPENDED removed 7 of 7");
    }

    @Test
    void include_ou_doubleStar_matchesTheOuItselfAndEveryOuBelow() {
        assertThat(selected(cove().include("ou=/Prod/**")))
                .isEqualTo(fleet.ids("prod-core", "prod-web-1", "prod-web-2", "prod-data"));
    }

    @Test
    void include_ou_singleStar_matchesOneLevelOnly() {
        assertThat(selected(cove().include("ou=/Prod/*"))).isEqualTo(fleet.ids("prod-web-1", "prod-web-2",
                "prod-data"));
        assertThat(selected(cove().include("ou=/*"))).isEqualTo(fleet.ids("prod-core", "sandbox-alice"));
    }

    @Test
    void include_ou_root_matchesOnlyAccountsDirectlyBelowTheRoot() {
        assertThat(selected(cove().include("ou=/"))).isEqualTo(fleet.ids("shared-tools"));
    }

    @Test
    void include_ou_exactPath_matchesOnlyThatOu() {
        assertThat(selected(cove().include("ou=/Sandbox"))).isEqualTo(fleet.ids("sandbox-alice"));
    }

    @Test
    void include_tag_keepsAccountsWhoseTagValueMatches() {
        assertThat(selected(cove().include("tag:env=prod")))
                .isEqualTo(fleet.ids("prod-core", "prod-web-1", "prod-web-2", "prod-data"));
    }

    @Test
    void include_tag_anAccountWithoutTheTag_neverMatches() {
        assertThat(selected(cove().include("tag:owner=*"))).isEqualTo(fleet.ids("sandbox-alice"));
    }

    @Test
    void exclude_tag_anAccountWithoutTheTag_stays() {
        assertThat(selected(cove().targetIds("/Prod/Web").exclude("tag:cost=low"))).isEqualTo(fleet.ids("prod-web-1"));
    }

    @Test
    void filters_thatLeaveNoAccount_sayWhichFilterRemovedHowMany() {
        assertThatExceptionOfType(CoveConfigurationException.class)
                .isThrownBy(() -> cove().include("tag:env=prod").exclude("ou=/Prod/**").build().targets())
                .withMessage("exclude: There are no eligible account ids to run against: the selection leaves 7 "
                        + "account(s), and the filters remove them all: include tag:env=prod removed 3 of 7, "
                        + "exclude ou=/Prod/** removed 4 of 4")
                .satisfies(e -> assertThat(e.option()).isEqualTo("exclude"));
    }

    @Test
    void tags_areReadOnlyWhenATagFilterIsUsed_onceForEachSelectedAccount() {
        cove().include("name=prod-*").build().targets();
        assertThat(proxy.count("ListTagsForResource")).isZero();

        cove().targetIds("/Prod").include("tag:team=web").build().targets();
        assertThat(proxy.requests("ListTagsForResource")).extracting(r -> r.param("ResourceId"))
                .containsExactlyInAnyOrderElementsOf(fleet.ids("prod-core", "prod-web-1", "prod-web-2", "prod-data"));
    }

    @Test
    void ouPaths_areReadOnlyWhenAnOuFilterIsUsed_byWalkingTheTreeOnce() {
        cove().include("tag:env=prod").build().targets();
        assertThat(proxy.count("ListOrganizationalUnitsForParent")).isZero();

        cove().include("ou=/Sandbox/**").build().targets();
        // the root and the five OUs, each listed once
        assertThat(listings("ListOrganizationalUnitsForParent")).isEqualTo(6);
        assertThat(proxy.requests("ListParents")).isEmpty();
    }

    @Test
    void tags_whenListTagsForResourceIsThrottled_areRetriedAndReadForEveryAccount() {
        proxy.addRule(FaultRule.on("ListTagsForResource").first(4).then(Fault.tooManyRequests()));

        assertThat(selected(cove().include("tag:env=dev"))).isEqualTo(fleet.ids("sandbox-alice", "sandbox-lab"));
        assertThat(proxy.count("ListTagsForResource")).isEqualTo(7 + 4);
    }

    @Test
    void tags_whenListTagsForResourceIsDenied_failSayingWhichPermissionIsMissing() {
        proxy.addRule(FaultRule.on("ListTagsForResource").always().then(Fault.accessDenied("not allowed")));

        assertThatExceptionOfType(CoveConfigurationException.class)
                .isThrownBy(() -> cove().exclude("tag:env=dev").build().targets())
                .withMessageStartingWith("exclude: cannot read the tags of account ")
                .withMessageContaining("organizations:ListTagsForResource");
    }

    @Test
    void targets_carryOuPathAndTags_whenTheFiltersReadThem() {
        List<CoveTarget> targets = cove().include("ou=/Prod/Web", "tag:cost=low").build().targets();

        assertThat(targets).singleElement().satisfies(t -> {
            assertThat(t.id()).isEqualTo(fleet.id("prod-web-2"));
            assertThat(t.ouPath()).isEqualTo("/Prod/Web");
            assertThat(t.tags()).containsExactly(Map.entry("cost", "low"), Map.entry("env", "prod"),
                    Map.entry("team", "web"));
        });
    }

    @Test
    void targets_withoutFilters_haveNoOuPathNorTags() {
        assertThat(cove().targetIds("/Sandbox").build().targets())
                .allSatisfy(t -> {
                    assertThat(t.ouPath()).isNull();
                    assertThat(t.tags()).isNull();
                });
    }

    @Test
    void accountFilter_seesEachAccountsOuPathAndTags() {
        List<CoveTarget> targets = cove()
                .accountFilter(a -> a.ouPath().startsWith("/Sandbox") && "alice".equals(a.tags().get("owner")))
                .build().targets();

        assertThat(accounts(targets)).isEqualTo(fleet.ids("sandbox-alice"));
        assertThat(targets.getFirst().ouPath()).isEqualTo("/Sandbox");
    }

    @Test
    void accountFilter_runsAfterIncludeAndExclude() {
        assertThat(selected(cove().include("tag:env=prod").exclude("name=prod-core")
                .accountFilter(a -> !a.name().endsWith("2")))).isEqualTo(fleet.ids("prod-web-1", "prod-data"));
    }

    @Test
    void accountFilter_thatThrows_failsTheSelectionBeforeAnyRoleIsAssumed() {
        assertThatExceptionOfType(CoveConfigurationException.class)
                .isThrownBy(() -> cove().accountFilter(a -> {
                    throw new IllegalStateException("boom");
                }).build().run(s -> 1))
                .withMessageContaining("the accountFilter threw java.lang.IllegalStateException: boom");
        assertThat(proxy.count("AssumeRole")).isZero();
    }

    @Test
    void run_withFilters_runsExactlyTheMatchingAccounts_andEachSessionCarriesTheirMetadata() {
        CoveOutput<Map<String, String>> out = cove().include("tag:team=web").build()
                .run(session -> session.sessionInformation().tags());

        assertThat(out.results()).extracting(CoveResult::id).isEqualTo(fleet.ids("prod-web-1", "prod-web-2"));
        assertThat(out.results()).allSatisfy(r -> assertThat(r.result()).containsEntry("team", "web"));
        assertThat(out.results()).allSatisfy(r -> assertThat(r.info().ouPath()).isNull());
    }

    @Test
    void filters_byIdNameEmailOrState_announceAccountsDuringTheListing_likeAnUnfilteredRun() {
        CoveOutput<String> out = cove().include("name=sandbox-*").build().run(CoveSession::accountId);

        assertThat(out.results()).extracting(CoveResult::result).isEqualTo(fleet.ids("sandbox-alice", "sandbox-lab"));
        assertThat(proxy.count("AssumeRole")).isEqualTo(2);
        assertThat(proxy.requests("AssumeRole")).noneMatch(r -> r.paramContains("RoleArn", Moto.MANAGEMENT_ACCOUNT_ID));
    }
}
