package dev.cove;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cove.testkit.AwsShape;
import dev.cove.testkit.Moto;
import dev.cove.testkit.MotoAccounts;
import dev.cove.testkit.MotoExtension;
import dev.cove.testkit.OrgAccount;
import dev.cove.testkit.OrgFixture;
import dev.cove.testkit.OrganizationBuilder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * botocove parity on a small organization in moto: 5 members, OUs nested 3 deep (prod, prod/web,
 * prod/web/edge) plus a sibling OU (sandbox).
 */
@ParameterizedClass(name = "answering as {0}")
@EnumSource(AwsShape.class)
class CoveSmallOrganizationTest {

    /** How the AWS API answers: as moto does, or as AWS does today. */
    @Parameter
    AwsShape shape;

    @RegisterExtension
    static final MotoExtension MOTO = new MotoExtension();

    private OrgFixture org;

    @BeforeEach
    void buildOrganization() {
        org = OrganizationBuilder.on(MOTO.endpoint())
                .ou("prod", prod -> prod.accounts(1)
                        .ou("web", web -> web.accounts(1).ou("edge", edge -> edge.accounts(2))))
                .ou("sandbox", sandbox -> sandbox.accounts(1))
                .build();
    }

    private Cove.Builder cove() {
        return LocalCove.against(MOTO.endpoint(shape));
    }

    private static List<String> ids(List<? extends CoveResult<?>> results) {
        return results.stream().map(CoveResult::id).toList();
    }

    private static List<String> sorted(List<String> ids) {
        List<String> copy = new ArrayList<>(ids);
        Collections.sort(copy);
        return copy;
    }

    @Test
    void run_withDefaults_visitsEveryActiveMemberExceptTheHost() {
        CoveOutput<String> out = cove().build().run(session -> session.accountId());

        assertThat(out.exceptions()).isEmpty();
        assertThat(out.failedAssumeRole()).isEmpty();
        assertThat(ids(out.results())).containsExactlyElementsOf(sorted(org.memberIds()))
                .doesNotContain(Moto.MANAGEMENT_ACCOUNT_ID);
        assertThat(out.results()).allSatisfy(r -> assertThat(r.result()).isEqualTo(r.id()));
    }

    @Test
    void run_whenTargetIsAccount_visitsOnlyThatAccount() {
        String target = org.memberIdsUnder("sandbox").get(0);

        CoveOutput<String> out = cove().targetIds(target).build().run(CoveSession::accountId);

        assertThat(ids(out.results())).containsExactly(target);
    }

    @Test
    void run_whenTargetIsNestedOu_visitsEveryAccountBelowIt() {
        CoveOutput<String> out = cove().targetIds(org.ouId("prod")).build().run(CoveSession::accountId);

        assertThat(ids(out.results())).hasSize(4).containsExactlyElementsOf(sorted(org.memberIdsUnder("prod")));
    }

    @Test
    void run_whenTargetIsDeepestOu_visitsOnlyItsAccounts() {
        CoveOutput<String> out = cove().targetIds(org.ouId("prod/web/edge")).build().run(CoveSession::accountId);

        assertThat(ids(out.results())).containsExactlyElementsOf(sorted(org.memberIdsUnder("prod/web/edge")));
    }

    @Test
    void run_whenTargetIsRoot_visitsTheWholeOrganization() {
        CoveOutput<String> out = cove().targetIds(org.rootId()).build().run(CoveSession::accountId);

        assertThat(ids(out.results())).containsExactlyElementsOf(sorted(org.memberIds()));
    }

    @Test
    void run_whenIgnoringAccount_skipsIt() {
        String ignored = org.memberIdsUnder("sandbox").get(0);

        CoveOutput<String> out = cove().ignoreIds(ignored).build().run(CoveSession::accountId);

        assertThat(ids(out.results())).hasSize(4).doesNotContain(ignored);
    }

    @Test
    void run_whenIgnoringOu_skipsEveryAccountBelowIt() {
        CoveOutput<String> out = cove().ignoreIds(org.ouId("prod/web")).build().run(CoveSession::accountId);

        List<String> expected = new ArrayList<>(org.memberIdsUnder("sandbox"));
        expected.addAll(org.accountsIn("prod").stream().map(OrgAccount::id).toList());
        assertThat(ids(out.results())).containsExactlyElementsOf(sorted(expected));
    }

    @Test
    void run_whenIgnoreOverlapsTarget_ignoreWins() {
        String edgeAccount = org.memberIdsUnder("prod/web/edge").get(0);

        CoveOutput<String> out = cove().targetIds(org.ouId("prod")).ignoreIds(edgeAccount, org.ouId("prod/web"))
                .build().run(CoveSession::accountId);

        assertThat(ids(out.results())).containsExactlyElementsOf(org.accountsIn("prod").stream().map(OrgAccount::id)
                .toList());
    }

    @Test
    void run_whenHostAccountIsTargeted_neverRunsInIt() {
        String member = org.memberIds().get(0);

        CoveOutput<String> out = cove().targetIds(Moto.MANAGEMENT_ACCOUNT_ID, member).build()
                .run(CoveSession::accountId);

        assertThat(ids(out.results())).containsExactly(member);
    }

    @Test
    void run_withSeveralRegions_visitsEveryAccountInEveryRegionInTheGivenOrder() {
        List<String> regions = List.of("eu-west-1", "us-east-1", "ap-southeast-2");

        CoveOutput<String> out = cove().regions(regions).build().run(session -> session.region().id());

        assertThat(out.results()).hasSize(org.memberIds().size() * 3);
        List<String> expectedOrder = new ArrayList<>();
        for (String id : sorted(org.memberIds())) {
            for (String region : regions) {
                expectedOrder.add(id + "/" + region);
            }
        }
        assertThat(out.results().stream().map(r -> r.id() + "/" + r.region()).toList())
                .containsExactlyElementsOf(expectedOrder);
        assertThat(out.results()).allSatisfy(r -> assertThat(r.result()).isEqualTo(r.region()));
    }

    @Test
    void run_inEachTarget_givesTheTargetAccountsCredentials() {
        CoveOutput<String> out = cove().build().run(session -> {
            StsClient sts = session.client(StsClient.builder());
            return sts.getCallerIdentity().account();
        });

        assertThat(out.results()).hasSize(5).allSatisfy(r -> assertThat(r.result()).isEqualTo(r.id()));
    }

    @Test
    void run_readingPerAccountState_seesEachAccountsOwnIamUsers() {
        List<String> members = sorted(org.memberIds());
        for (int i = 0; i < members.size(); i++) {
            MotoAccounts.createIamUsers(MOTO.endpoint(), members.get(i), i + 1);
        }

        CoveOutput<Integer> out = cove().build().run(session -> {
            IamClient iam = session.client(IamClient.builder());
            return iam.listUsersPaginator().users().stream().mapToInt(u -> 1).sum();
        });

        assertThat(out.results()).hasSize(members.size());
        for (int i = 0; i < members.size(); i++) {
            assertThat(out.results().get(i).id()).isEqualTo(members.get(i));
            assertThat(out.results().get(i).result()).as("IAM users in %s", members.get(i)).isEqualTo(i + 1);
        }
    }

    @Test
    void run_withoutEndpointOverride_honoursTheSdksEndpointUrlSetting() {
        System.setProperty("aws.endpointUrl", MOTO.endpoint(shape).toString());
        try {
            CoveOutput<String> out = Cove.builder().assumingCredentials(Moto.credentials())
                    .assumingRegion(Region.US_EAST_1).progress(false).build()
                    .run(session -> session.client(StsClient.builder()).getCallerIdentity().account());

            assertThat(out.results()).hasSize(5).allSatisfy(r -> assertThat(r.result()).isEqualTo(r.id()));
        } finally {
            System.clearProperty("aws.endpointUrl");
        }
    }

    @Test
    void wrap_withoutArgument_runsLikeBotocovesDecorator() {
        Supplier<CoveOutput<String>> wrapped = cove().targetIds(org.ouId("sandbox")).build()
                .wrap(CoveSession::accountId);

        assertThat(ids(wrapped.get().results())).containsExactlyElementsOf(org.memberIdsUnder("sandbox"));
    }

    @Test
    void wrap_withArgument_passesItToEveryTarget() {
        Function<String, CoveOutput<String>> wrapped = cove().targetIds(org.ouId("prod")).build()
                .wrap((CoveSession session, String prefix) -> prefix + session.accountId());

        CoveOutput<String> out = wrapped.apply("acct:");

        assertThat(out.results()).hasSize(4).allSatisfy(r -> assertThat(r.result()).isEqualTo("acct:" + r.id()));
    }

    @Test
    void run_recordsEveryFieldOfSessionInformation() {
        OrgAccount account = org.accountsIn("sandbox").get(0);
        String policy = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}]}";

        CoveOutput<SessionInformation> out = cove().targetIds(account.id()).regions("eu-central-1")
                .roleSessionName("audit-session").policy(policy)
                .policyArns("arn:aws:iam::aws:policy/ReadOnlyAccess").externalId("ext-1234")
                .build().run(CoveSession::sessionInformation);

        SessionInformation info = out.results().get(0).info();
        assertThat(info.id()).isEqualTo(account.id());
        assertThat(info.arn()).startsWith("arn:aws:organizations::" + Moto.MANAGEMENT_ACCOUNT_ID + ":account/")
                .endsWith("/" + account.id());
        assertThat(info.email()).isEqualTo(account.email());
        assertThat(info.name()).isEqualTo(account.name());
        assertThat(info.state()).isEqualTo("ACTIVE");
        assertThat(info.status()).as("Status only where AWS still sends it")
                .isEqualTo(shape == AwsShape.MOTO ? "ACTIVE" : null);
        assertThat(info.roleName()).isEqualTo("OrganizationAccountAccessRole");
        assertThat(info.roleSessionName()).isEqualTo("audit-session");
        assertThat(info.policy()).isEqualTo(policy);
        assertThat(info.policyArns()).containsExactly("arn:aws:iam::aws:policy/ReadOnlyAccess");
        assertThat(info.externalId()).isEqualTo("ext-1234");
        assertThat(info.region()).isEqualTo("eu-central-1");
        assertThat(info.partition()).isEqualTo("aws");
        assertThat(info.assumeRoleSuccess()).isTrue();
        assertThat(out.results().get(0).result()).isEqualTo(info);
    }

    @Test
    void run_withDefaultSessionName_usesTheRoleName() {
        CoveOutput<String> out = cove().targetIds(org.ouId("sandbox")).build()
                .run(session -> session.sessionInformation().roleSessionName());

        assertThat(out.results().get(0).result()).isEqualTo("OrganizationAccountAccessRole");
    }

    @Test
    void run_whenFunctionThrows_reportsTheExceptionWithTheTarget() {
        String failing = org.memberIdsUnder("sandbox").get(0);

        CoveOutput<String> out = cove().build().run(session -> {
            if (session.accountId().equals(failing)) {
                throw new IllegalStateException("boom in " + session.accountId());
            }
            return "ok";
        });

        assertThat(out.results()).hasSize(4);
        assertThat(out.exceptions()).singleElement().satisfies(e -> {
            assertThat(e.id()).isEqualTo(failing);
            assertThat(e.assumeRoleSuccess()).isTrue();
            assertThat(e.result()).isNull();
            assertThat(e.exception()).isInstanceOf(IllegalStateException.class).hasMessage("boom in " + failing);
        });
        assertThat(out.failedAssumeRole()).isEmpty();
    }

    @Test
    void run_withListener_tellsItOfEveryTargetOnce() {
        List<String> seen = Collections.synchronizedList(new ArrayList<>());

        CoveOutput<String> out = cove().regions("us-east-1", "us-west-2").build()
                .run(CoveSession::accountId, result -> seen.add(result.id() + "/" + result.region()));

        assertThat(seen).hasSize(10).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(out.results().stream().map(r -> r.id() + "/" + r.region()).toList());
    }

    @Test
    void run_withListener_whenTargetsAreNamed_announcesEveryTargetBeforeAnyOutcome() {
        List<String> events = Collections.synchronizedList(new ArrayList<>());

        CoveOutput<String> out = cove().targetIds(org.rootId()).regions("us-east-1", "us-west-2").build()
                .run(CoveSession::accountId, recording(events));

        assertThat(events).hasSize(11).startsWith("start:10");
        assertThat(events.subList(1, 11)).containsOnly("result");
        assertThat(out.results()).hasSize(10);
    }

    @Test
    void run_withListener_whenTheWholeOrganizationIsSelected_announcesEveryTargetOnceInOutputOrder() {
        List<String> events = Collections.synchronizedList(new ArrayList<>());

        CoveOutput<String> out = cove().regions("us-east-1", "us-west-2").build()
                .run(CoveSession::accountId, recording(events));

        // Targets start while the organization is listed, so outcomes may come before the announcement.
        assertThat(events).hasSize(11).containsOnlyOnce("start:10");
        assertThat(events.stream().filter("result"::equals)).hasSize(10);
        assertThat(out.results()).hasSize(10);
    }

    /** Records "start:N" and "result" events, checking that onStart gets every target in output order. */
    private CoveListener<String> recording(List<String> events) {
        return new CoveListener<String>() {
            @Override
            public void onStart(List<CoveTarget> targets) {
                events.add("start:" + targets.size());
                List<String> expected = new ArrayList<>();
                for (String id : sorted(org.memberIds())) {
                    expected.add(id + "/us-east-1");
                    expected.add(id + "/us-west-2");
                }
                assertThat(targets.stream().map(t -> t.id() + "/" + t.region()).toList())
                        .containsExactlyElementsOf(expected);
            }

            @Override
            public void onResult(CoveResult<String> result) {
                events.add("result");
            }
        };
    }

    @Test
    void run_whenListenerThrows_theRunGoesOn() {
        CoveOutput<String> out = cove().build().run(CoveSession::accountId, result -> {
            throw new IllegalStateException("listener bug");
        });

        assertThat(out.results()).hasSize(5);
    }

    @Test
    void run_whenListenerThrowsAnAssertionError_logsItAndTheRunGoesOn() throws IOException {
        Path log = Path.of("target/cove-core-tests.log"); // where the tests' simplelogger.properties logs
        long before = Files.exists(log) ? Files.size(log) : 0;

        CoveOutput<String> out = cove().build().run(CoveSession::accountId, result -> {
            throw new AssertionError("listener assertion " + result.id());
        });

        assertThat(out.results()).hasSize(5);
        assertThat(out.exceptions()).isEmpty();
        byte[] all = Files.readAllBytes(log);
        assertThat(new String(all, (int) before, all.length - (int) before, StandardCharsets.UTF_8).lines()
                .filter(line -> line.contains("Listener failed on the outcome of account"))).hasSize(5);
    }

    @Test
    void run_withRaiseException_throwsTheFirstFailureAndStartsNoMoreTargets() {
        AtomicInteger started = new AtomicInteger();
        Cove cove = cove().threadWorkers(1).regions("us-east-1", "us-west-2").raiseException(true).build();

        assertThatThrownBy(() -> cove.run(session -> {
            started.incrementAndGet();
            throw new IllegalStateException("first failure");
        })).isInstanceOfSatisfying(CoveExecutionException.class, e -> {
            assertThat(e.getCause()).isInstanceOf(IllegalStateException.class).hasMessage("first failure");
            // accounts start in the order the organization lists them; each account's first region first
            assertThat(e.sessionInformation().id()).isIn(org.memberIds());
            assertThat(e.sessionInformation().region()).isEqualTo("us-east-1");
            assertThat(e.output().exceptions()).hasSize(1);
            assertThat(e.output().skipped()).hasSize(9);
        });
        assertThat(started).hasValue(1);
    }

    @Test
    void targets_resolvesEveryAccountAndRegionWithMetadata() {
        List<CoveTarget> targets = cove().targetIds(org.ouId("prod/web")).regions("us-east-1", "eu-west-1").build()
                .targets();

        assertThat(targets).hasSize(6);
        OrgAccount first = org.accountsUnder("prod/web").stream().min((a, b) -> a.id().compareTo(b.id())).get();
        assertThat(targets.get(0)).satisfies(t -> {
            assertThat(t.id()).isEqualTo(first.id());
            assertThat(t.region()).isEqualTo("us-east-1");
            assertThat(t.name()).isEqualTo(first.name());
            assertThat(t.email()).isEqualTo(first.email());
            assertThat(t.state()).isEqualTo("ACTIVE");
            assertThat(t.status()).isEqualTo(shape == AwsShape.MOTO ? "ACTIVE" : null);
            assertThat(t.arn()).endsWith(first.id());
        });
        assertThat(targets.get(1).region()).isEqualTo("eu-west-1");
    }

    @Test
    void run_whenTargetedAccountIsSuspended_failsNamingIt() {
        String closed = org.memberIdsUnder("sandbox").get(0);
        MotoAccounts.closeAccount(MOTO.endpoint(), closed);

        assertThatExceptionOfType(CoveConfigurationException.class).isThrownBy(() -> cove().targetIds(closed).build().run(s -> 1))
                .withMessage("targetIds: account " + closed + " is SUSPENDED, not ACTIVE; remove it");
    }

    @Test
    void run_whenAccountBelowTargetedOuIsSuspended_skipsIt() {
        String closed = org.memberIdsUnder("prod/web/edge").get(0);
        MotoAccounts.closeAccount(MOTO.endpoint(), closed);

        CoveOutput<String> out = cove().targetIds(org.ouId("prod")).build().run(CoveSession::accountId);

        assertThat(ids(out.results())).hasSize(3).doesNotContain(closed);
    }

    @Test
    void run_withDefaults_skipsSuspendedAccounts() {
        String closed = org.memberIdsUnder("sandbox").get(0);
        MotoAccounts.closeAccount(MOTO.endpoint(), closed);

        CoveOutput<String> out = cove().build().run(CoveSession::accountId);

        assertThat(ids(out.results())).hasSize(4).doesNotContain(closed);
    }

    @Test
    void run_whenTargetedAccountIsNotInTheOrganization_failsNamingIt() {
        assertThatExceptionOfType(CoveConfigurationException.class)
                .isThrownBy(() -> cove().targetIds(Moto.OUTSIDE_ACCOUNT_ID).build().run(s -> 1))
                .withMessageContaining(Moto.OUTSIDE_ACCOUNT_ID).withMessageContaining("not a member");
    }

    @Test
    void run_whenTargetedOuDoesNotExist_failsNamingIt() {
        assertThatExceptionOfType(CoveConfigurationException.class)
                .isThrownBy(() -> cove().targetIds("ou-zzzz-zzzzzzzz").build().run(s -> 1))
                .withMessageStartingWith("targetIds: no OU or root ou-zzzz-zzzzzzzz in this organization");
    }

    @Test
    void run_whenSelectionLeavesNoAccount_saysWhatRemovedThem() {
        assertThatExceptionOfType(CoveConfigurationException.class)
                .isThrownBy(() -> cove().targetIds(org.ouId("sandbox")).ignoreIds(org.ouId("sandbox")).build()
                        .run(s -> 1))
                .withMessage("targetIds: There are no eligible account ids to run against: the 1 ACTIVE account(s) "
                        + "of the selected IDs [" + org.ouId("sandbox") + "] are all removed: 1 by the ignored IDs ["
                        + org.ouId("sandbox") + "]");
    }

    @Test
    void run_whenOnlyTheHostIsTargeted_saysTheCallingAccountIsNeverARunTarget() {
        assertThatExceptionOfType(CoveConfigurationException.class)
                .isThrownBy(() -> cove().targetIds(Moto.MANAGEMENT_ACCOUNT_ID).build().run(s -> 1))
                .withMessage("targetIds: There are no eligible account ids to run against: the 1 ACTIVE account(s) "
                        + "of the selected IDs [" + Moto.MANAGEMENT_ACCOUNT_ID + "] are all removed: 1 as the calling "
                        + "account " + Moto.MANAGEMENT_ACCOUNT_ID + " (Cove never assumes a role in the account it "
                        + "is called from)");
    }

    @Test
    void targets_whenEveryMemberIsSuspended_saysNoneIsActiveInsteadOfBlamingIgnores() {
        org.memberIds().forEach(id -> MotoAccounts.closeAccount(MOTO.endpoint(), id));

        assertThatExceptionOfType(CoveConfigurationException.class).isThrownBy(() -> cove().build().targets())
                .withMessage("targetIds: There are no eligible account ids to run against: the organization's 1 ACTIVE "
                        + "account(s) are all removed: 1 as the calling account " + Moto.MANAGEMENT_ACCOUNT_ID
                        + " (Cove never assumes a role in the account it is called from)");
    }

    @Test
    void targets_whenTargetedOuHoldsOnlySuspendedAccounts_saysItSelectsNoActiveAccount() {
        org.memberIdsUnder("sandbox").forEach(id -> MotoAccounts.closeAccount(MOTO.endpoint(), id));

        assertThatExceptionOfType(CoveConfigurationException.class).isThrownBy(() -> cove().targetIds(org.ouId("sandbox")).build().targets())
                .withMessage("targetIds: There are no eligible account ids to run against: the selected IDs ["
                        + org.ouId("sandbox") + "] hold no ACTIVE account");
    }

    @Test
    void targets_whenRootIdIsNotThisOrganizations_failsNamingItInsteadOfSelectingEveryAccount() {
        assertThatExceptionOfType(CoveConfigurationException.class).isThrownBy(() -> cove().targetIds("r-zzzz").build().targets())
                .withMessage("targetIds: r-zzzz is not the root of this organization (its root is " + org.rootId()
                        + "); remove it or check the ID with 'aws organizations list-roots'");
    }

    @Test
    void targets_whenIgnoredRootIdIsNotThisOrganizations_failsNamingIt() {
        assertThatExceptionOfType(CoveConfigurationException.class).isThrownBy(() -> cove().ignoreIds("r-zzzz").build().targets())
                .withMessageStartingWith("ignoreIds: r-zzzz is not the root of this organization");
    }

    @Test
    void targets_whenIgnoringThisOrganizationsRoot_leavesNothing() {
        assertThatExceptionOfType(CoveConfigurationException.class).isThrownBy(() -> cove().ignoreIds(org.rootId()).build().targets())
                .withMessageStartingWith("targetIds: There are no eligible account ids to run against: the "
                        + "organization's 6 ACTIVE account(s) are all removed: 5 by the ignored IDs [" + org.rootId() + "], 1 as the "
                        + "calling account " + Moto.MANAGEMENT_ACCOUNT_ID);
    }
}
