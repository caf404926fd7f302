package dev.cove;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

/** Assertions shared by the integration tests. */
final class Outcomes {

    private Outcomes() {
    }

    /**
     * The invariant of every run: results + exceptions + failedAssumeRole + skipped + interrupted = every
     * target, once; and every target that ran says when it started and how long it took.
     */
    static void assertEveryTargetOnce(CoveOutput<?> out, List<String> accounts, List<String> regions) {
        List<String> expected = new ArrayList<>();
        for (String account : accounts.stream().sorted().toList()) {
            for (String region : regions) {
                expected.add(account + "/" + region);
            }
        }
        List<String> all = new ArrayList<>();
        for (List<? extends CoveResult<?>> list : List.of(out.results(), out.exceptions(), out.failedAssumeRole(),
                out.skipped(), out.interrupted())) {
            list.forEach(r -> all.add(r.id() + "/" + r.region()));
        }
        assertThat(all).as("every target exactly once").containsExactlyInAnyOrderElementsOf(expected);
        for (CoveOutcome outcome : CoveOutcome.values()) {
            List<? extends CoveResult<?>> group = switch (outcome) {
                case RESULT -> out.results();
                case EXCEPTION -> out.exceptions();
                case FAILED_ASSUME_ROLE -> out.failedAssumeRole();
                case SKIPPED -> out.skipped();
                case INTERRUPTED -> out.interrupted();
            };
            assertThat(group).as("%s targets", outcome.label()).allSatisfy(r -> {
                assertThat(r.outcome()).isEqualTo(outcome);
                if (outcome == CoveOutcome.SKIPPED) {
                    assertThat(r.startedAt()).isNull();
                } else {
                    assertThat(r.startedAt()).as("startedAt of %s", r.id()).isNotNull();
                    assertThat(r.duration()).as("duration of %s", r.id()).isNotNull();
                }
            });
        }
    }
}
