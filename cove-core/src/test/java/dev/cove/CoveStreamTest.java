package dev.cove;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cove.testkit.MotoExtension;
import dev.cove.testkit.OrgFixture;
import dev.cove.testkit.OrganizationBuilder;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A run that streams: every outcome to the listener, none kept, counts returned. */
class CoveStreamTest {

    @RegisterExtension
    static final MotoExtension MOTO = new MotoExtension();

    private OrgFixture org;

    @BeforeEach
    void buildOrganization() {
        org = OrganizationBuilder.on(MOTO.endpoint()).ou("apps", apps -> apps.accounts(5)).build();
    }

    private Cove.Builder cove() {
        return LocalCove.against(MOTO.endpoint()).regions("us-east-1", "eu-west-1");
    }

    @Test
    void stream_handsEveryOutcomeToTheListener_andCountsThem() {
        String failing = org.memberIds().get(0);
        List<CoveResult<?>> heard = new CopyOnWriteArrayList<>();

        CoveCounts counts = cove().build().stream(session -> {
            if (session.accountId().equals(failing)) {
                throw new IllegalStateException("broken");
            }
            return session.accountId();
        }, heard::add);

        assertThat(counts).isEqualTo(new CoveCounts(8, 2, 0, 0, 0));
        assertThat(counts.total()).isEqualTo(10);
        assertThat(heard).hasSize(10).extracting(r -> r.id() + "/" + r.region()).doesNotHaveDuplicates();
        assertThat(heard).filteredOn(r -> r.outcome() == CoveOutcome.RESULT)
                .allSatisfy(r -> assertThat(r.result()).isEqualTo(r.id()));
    }

    @Test
    void stream_keepsNoFinishedResult_whereRunKeepsThemAll() {
        List<WeakReference<byte[]>> streamed = new ArrayList<>();
        List<WeakReference<byte[]>> kept = new ArrayList<>();

        cove().build().stream(session -> new byte[1 << 20], result -> {
            synchronized (streamed) {
                streamed.add(new WeakReference<>(result.result()));
            }
        });
        CoveOutput<byte[]> output = cove().build().run(session -> new byte[1 << 20], result -> {
            synchronized (kept) {
                kept.add(new WeakReference<>(result.result()));
            }
        });
        for (int i = 0; i < 10 && streamed.stream().anyMatch(r -> r.get() != null); i++) {
            System.gc();
        }

        assertThat(streamed).hasSize(10).allSatisfy(r -> assertThat(r.get()).as("collected").isNull());
        assertThat(kept).hasSize(10).allSatisfy(r -> assertThat(r.get()).as("kept by the output").isNotNull());
        assertThat(output.results()).hasSize(10);
    }

    @Test
    void stream_withRaiseException_throwsWithAnEmptyOutput_andTheListenerHasHeardOfEveryTarget() {
        List<CoveResult<?>> heard = new CopyOnWriteArrayList<>();

        assertThatThrownBy(() -> cove().threadWorkers(1).raiseException(true).build().stream(session -> {
            throw new IllegalStateException("first failure");
        }, heard::add)).isInstanceOfSatisfying(CoveExecutionException.class, e -> {
            assertThat(e.output().size()).isZero();
            assertThat(e).hasCauseInstanceOf(IllegalStateException.class);
        });
        assertThat(heard).hasSize(10);
        assertThat(heard).filteredOn(r -> r.outcome() == CoveOutcome.SKIPPED).hasSize(9);
    }
}
