package dev.cove;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cove.testkit.Fault;
import dev.cove.testkit.FaultProxy;
import dev.cove.testkit.FaultRule;
import dev.cove.testkit.MotoExtension;
import dev.cove.testkit.OrgFixture;
import dev.cove.testkit.OrganizationBuilder;
import dev.cove.testkit.RecordedRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

/**
 * Functions start while the organization is still being listed, when every account is selected: AWS pages hold
 * at most 20 accounts, so the listing is a chain of requests, and here every page after the first is slow.
 */
class CoveStartsWhileListingTest {

    private static final Duration SLOW_PAGE = Duration.ofMillis(1_500);

    @RegisterExtension
    static final MotoExtension MOTO = new MotoExtension();

    private OrgFixture org;
    private FaultProxy proxy;

    @BeforeEach
    void buildOrganizationAndProxy() {
        org = OrganizationBuilder.on(MOTO.endpoint()).ou("apps", apps -> apps.accounts(45)).build();
        // Answers as AWS does today: pages of at most 20 accounts, and one empty page with a NextToken.
        proxy = FaultProxy.builder(MOTO.endpoint()).awsToday(true).start();
        proxy.addRule(FaultRule.on("ListAccounts").when(r -> r.param("NextToken") != null).always()
                .then(Fault.latency(SLOW_PAGE)));
    }

    @AfterEach
    void stopProxy() {
        proxy.close();
    }

    private Cove.Builder cove() {
        return LocalCove.against(proxy.endpoint()).regions("us-east-1", "eu-west-1").threadWorkers(10);
    }

    private Instant lastListAccountsRequest() {
        List<RecordedRequest> pages = proxy.requests("ListAccounts");
        assertThat(pages).as("ListAccounts pages").hasSizeGreaterThanOrEqualTo(4);
        return pages.get(pages.size() - 1).at();
    }

    private static List<String> sorted(List<String> ids) {
        List<String> copy = new ArrayList<>(ids);
        Collections.sort(copy);
        return copy;
    }

    @Test
    void run_whenTheWholeOrganizationIsSelected_reportsOutcomesBeforeTheListingEnds() {
        List<String> events = new CopyOnWriteArrayList<>();
        AtomicReference<Instant> firstResult = new AtomicReference<>();

        CoveOutput<String> out = cove().build().run(CoveSession::accountId, new CoveListener<String>() {
            @Override
            public void onStart(List<CoveTarget> targets) {
                events.add("start:" + targets.size());
            }

            @Override
            public void onResult(CoveResult<String> result) {
                firstResult.compareAndSet(null, Instant.now());
                events.add("result");
            }
        });

        assertThat(firstResult.get()).as("first outcome, before the last page was even asked for")
                .isBefore(lastListAccountsRequest());
        assertThat(events.indexOf("start:90")).as("every target announced once the listing ended")
                .isGreaterThan(0).isEqualTo(events.lastIndexOf("start:90"));
        assertThat(events.stream().filter("result"::equals)).hasSize(90);
        List<String> expected = new ArrayList<>();
        for (String id : sorted(org.memberIds())) {
            expected.add(id + "/us-east-1");
            expected.add(id + "/eu-west-1");
        }
        assertThat(out.results()).extracting(r -> r.id() + "/" + r.region()).as("output sorted as ever")
                .containsExactlyElementsOf(expected);
        assertThat(out.results()).allSatisfy(r -> assertThat(r.result()).isEqualTo(r.id()));
    }

    @Test
    void run_whenTargetsAreNamed_startsNothingBeforeTheSelectionIsResolved() {
        List<Instant> starts = new CopyOnWriteArrayList<>();

        CoveOutput<String> out = cove().targetIds(org.ouId("apps")).build().run(session -> {
            starts.add(Instant.now());
            return session.accountId();
        });

        // Named targets must be checked against the whole organization before any role is assumed.
        assertThat(out.results()).hasSize(90);
        assertThat(Collections.min(starts)).isAfter(lastListAccountsRequest());
    }

    @Test
    void run_whenTheListingFailsAfterTargetsStarted_reportsTheStartedOnesAndThrowsTheListingsError() {
        proxy.addRule(FaultRule.on("ListAccounts").when(r -> r.param("NextToken") != null).first(1)
                .then(Fault.awsError(400, "InvalidInputException", "You provided an invalid value.")));
        List<CoveResult<String>> reported = new CopyOnWriteArrayList<>();
        List<String> started = new CopyOnWriteArrayList<>();
        List<Integer> announced = new CopyOnWriteArrayList<>();

        assertThatThrownBy(() -> cove().build().stream(session -> {
            started.add(session.accountId() + "/" + session.region().id());
            return session.accountId();
        }, new CoveListener<String>() {
            @Override
            public void onStart(List<CoveTarget> targets) {
                announced.add(targets.size());
            }

            @Override
            public void onResult(CoveResult<String> result) {
                reported.add(result);
            }
        })).isInstanceOfSatisfying(AwsServiceException.class,
                e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidInputException"));

        // The first page's 20 accounts were known (less the calling account, if listed there): each of their
        // targets is reported exactly once, and no other.
        assertThat(announced).as("the plan never became complete").isEmpty();
        long accounts = reported.stream().map(CoveResult::id).distinct().count();
        assertThat(accounts).isIn(19L, 20L);
        assertThat(reported).hasSize((int) accounts * 2);
        assertThat(reported).extracting(r -> r.id() + "/" + r.region()).doesNotHaveDuplicates();
        assertThat(reported).allSatisfy(r -> assertThat(r.outcome()).isIn(CoveOutcome.RESULT, CoveOutcome.SKIPPED));
        assertThat(reported.stream().filter(r -> r.outcome() == CoveOutcome.RESULT).map(r -> r.id() + "/" + r.region()))
                .containsExactlyInAnyOrderElementsOf(started);
    }
}
