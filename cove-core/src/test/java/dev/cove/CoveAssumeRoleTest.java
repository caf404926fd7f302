package dev.cove;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.cove.testkit.AwsShape;
import dev.cove.testkit.Fault;
import dev.cove.testkit.FaultProxy;
import dev.cove.testkit.FaultRule;
import dev.cove.testkit.MotoExtension;
import dev.cove.testkit.OrgFixture;
import dev.cove.testkit.OrganizationBuilder;
import dev.cove.testkit.RecordedRequest;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

/**
 * What Cove sends to STS and Organizations, seen through a recording proxy in front of moto, and how it
 * handles AssumeRole and ListAccounts being denied.
 */
@ParameterizedClass(name = "answering as {0}")
@EnumSource(AwsShape.class)
class CoveAssumeRoleTest {

    /** How the AWS API answers: as moto does, or as AWS does today. */
    @Parameter
    AwsShape shape;

    @RegisterExtension
    static final MotoExtension MOTO = new MotoExtension();

    private FaultProxy proxy;
    private OrgFixture org;

    @BeforeEach
    void buildOrganization() {
        org = OrganizationBuilder.on(MOTO.endpoint())
                .ou("prod", prod -> prod.accounts(2).ou("web", web -> web.accounts(2)))
                .ou("sandbox", sandbox -> sandbox.accounts(1))
                .build();
        proxy = SharedProxy.cleared(shape);
    }


    private Cove.Builder cove() {
        return LocalCove.against(proxy.endpoint());
    }

    @Test
    void run_inSeveralRegions_assumesEachAccountsRoleOnce() {
        List<String> regions = List.of("us-east-1", "eu-west-1", "ap-south-1");

        CoveOutput<String> out = cove().regions(regions).build().run(CoveSession::accountId);

        assertThat(out.results()).hasSize(org.memberIds().size() * 3);
        List<RecordedRequest> assumes = proxy.requests("AssumeRole");
        assertThat(assumes).hasSize(org.memberIds().size());
        assertThat(assumes.stream().map(r -> r.param("RoleArn")).toList()).containsExactlyInAnyOrderElementsOf(
                org.memberIds().stream().map(id -> "arn:aws:iam::" + id + ":role/OrganizationAccountAccessRole")
                        .toList());
        Outcomes.assertEveryTargetOnce(out, org.memberIds(), regions);
    }

    @Test
    void run_withDefaults_sendsOnlyRoleArnAndSessionName() {
        cove().targetIds(org.ouId("sandbox")).build().run(CoveSession::accountId);

        RecordedRequest assume = proxy.requests("AssumeRole").get(0);
        assertThat(assume.params()).containsEntry("RoleSessionName", "OrganizationAccountAccessRole")
                .containsKey("RoleArn")
                .doesNotContainKeys("Policy", "ExternalId", "PolicyArns.member.1.arn", "DurationSeconds");
    }

    @Test
    void run_withSessionOptions_passesEachToAssumeRole() {
        String policy = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"*\"}]}";

        cove().targetIds(org.ouId("sandbox")).roleName("AuditRole").roleSessionName("nightly-audit")
                .policy(policy).policyArns("arn:aws:iam::aws:policy/ReadOnlyAccess",
                        "arn:aws:iam::aws:policy/SecurityAudit")
                .externalId("ext-42").partition("aws").build().run(CoveSession::accountId);

        RecordedRequest assume = proxy.requests("AssumeRole").get(0);
        String account = org.memberIdsUnder("sandbox").get(0);
        assertThat(assume.params())
                .containsEntry("RoleArn", "arn:aws:iam::" + account + ":role/AuditRole")
                .containsEntry("RoleSessionName", "nightly-audit")
                .containsEntry("Policy", policy)
                .containsEntry("PolicyArns.member.1.arn", "arn:aws:iam::aws:policy/ReadOnlyAccess")
                .containsEntry("PolicyArns.member.2.arn", "arn:aws:iam::aws:policy/SecurityAudit")
                .containsEntry("ExternalId", "ext-42");
    }

    @Test
    void run_withPartition_buildsRoleArnsInIt() {
        CoveOutput<String> out = cove().targetIds(org.ouId("sandbox")).partition("aws-us-gov").build()
                .run(session -> session.sessionInformation().partition());

        assertThat(proxy.requests("AssumeRole").get(0).param("RoleArn")).startsWith("arn:aws-us-gov:iam::");
        assertThat(out.results().get(0).result()).isEqualTo("aws-us-gov");
    }

    @Test
    void run_whenAssumeRoleIsDeniedInOneAccount_reportsExactlyItsTargetsAsFailed() {
        String denied = org.memberIdsUnder("prod/web").get(0);
        proxy.addRule(FaultRule.on("AssumeRole").whenParamContains("RoleArn", denied)
                .then(Fault.accessDenied("User is not authorized to perform: sts:AssumeRole")));
        List<String> regions = List.of("us-east-1", "eu-west-1");

        CoveOutput<String> out = cove().regions(regions).build().run(CoveSession::accountId);

        assertThat(out.failedAssumeRole()).hasSize(2).allSatisfy(f -> {
            assertThat(f.id()).isEqualTo(denied);
            assertThat(f.assumeRoleSuccess()).isFalse();
            assertThat(f.info().name()).isNotNull();
            assertThat(f.exception()).isInstanceOfSatisfying(AwsServiceException.class, e -> {
                assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
                assertThat(e.awsErrorDetails().errorMessage()).contains("not authorized");
            });
        });
        assertThat(out.failedAssumeRole().stream().map(CoveResult::region).toList()).containsExactlyElementsOf(regions);
        assertThat(out.results()).hasSize((org.memberIds().size() - 1) * 2);
        assertThat(proxy.requests("AssumeRole").stream().filter(r -> r.paramContains("RoleArn", denied)))
                .as("a denied role is asked once, not once per region, and not retried").hasSize(1);
        Outcomes.assertEveryTargetOnce(out, org.memberIds(), regions);
    }

    @Test
    void targets_isADryRunThatAssumesNoRole() {
        List<CoveTarget> targets = cove().regions("us-east-1", "us-west-2").build().targets();

        assertThat(targets).hasSize(org.memberIds().size() * 2);
        assertThat(proxy.count("AssumeRole")).isZero();
        assertThat(proxy.count("ListAccounts")).isPositive();
    }

    @Test
    void run_withAccountTargets_needsNoListChildren() {
        cove().targetIds(org.memberIds().get(0)).build().run(CoveSession::accountId);

        assertThat(proxy.count("ListChildren")).isZero();
        assertThat(proxy.requests("ListAccounts").stream().filter(r -> !r.body().contains("NextToken")))
                .as("one listing of the organization, however many pages").hasSize(1);
    }

    @Test
    void run_whenListAccountsIsDenied_runsOnTheGivenAccountsWithoutMetadata() {
        proxy.addRule(FaultRule.on("ListAccounts").then(Fault.accessDenied("not the management account")));
        List<String> targets = org.memberIdsUnder("prod/web");

        CoveOutput<SessionInformation> out = cove().targetIds(targets).build().run(CoveSession::sessionInformation);

        assertThat(out.results()).hasSize(2).allSatisfy(r -> {
            assertThat(r.info().name()).isNull();
            assertThat(r.info().email()).isNull();
            assertThat(r.info().arn()).isNull();
            assertThat(r.info().status()).isNull();
            assertThat(r.info().roleName()).isEqualTo("OrganizationAccountAccessRole");
        });
        assertThat(out.results().stream().map(CoveResult::id).toList())
                .containsExactlyElementsOf(targets.stream().sorted().toList());
    }

    @Test
    void run_whenListAccountsIsDeniedButListChildrenIsNot_stillExpandsOus() {
        proxy.addRule(FaultRule.on("ListAccounts").then(Fault.accessDenied("not allowed")));

        CoveOutput<String> out = cove().targetIds(org.ouId("prod")).build().run(CoveSession::accountId);

        assertThat(out.results().stream().map(CoveResult::id).toList())
                .containsExactlyElementsOf(org.memberIdsUnder("prod").stream().sorted().toList());
    }

    @Test
    void run_whenOrganizationCannotBeReadAndTargetIsOu_saysOuLookupNeedsTheManagementAccount() {
        proxy.addRule(FaultRule.on("ListAccounts").then(Fault.accessDenied("not allowed")));
        proxy.addRule(FaultRule.on("ListChildren").then(Fault.accessDenied("not allowed")));

        assertThatExceptionOfType(CoveConfigurationException.class)
                .isThrownBy(() -> cove().targetIds(org.ouId("prod")).build().run(CoveSession::accountId))
                .withMessageContaining(org.ouId("prod"))
                .withMessageContaining("OU lookup needs the organization's management account or a delegated administrator");
        assertThat(proxy.count("AssumeRole")).isZero();
    }

    @Test
    void run_whenListAccountsIsDeniedAndNoTargetsGiven_saysWhatToDo() {
        proxy.addRule(FaultRule.on("ListAccounts").then(Fault.accessDenied("not allowed")));

        assertThatExceptionOfType(CoveConfigurationException.class).isThrownBy(() -> cove().build().run(CoveSession::accountId))
                .withMessageStartingWith("targetIds: cannot list the organization's accounts, and no account IDs "
                        + "were given")
                .satisfies(e -> assertThat(e.option()).isEqualTo("targetIds"));
        assertThat(proxy.count("AssumeRole")).isZero();
    }
}
