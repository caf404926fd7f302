package dev.cove.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cove.Cove;
import dev.cove.CoveOutput;
import dev.cove.CoveResult;
import dev.cove.testkit.Moto;
import dev.cove.testkit.MotoExtension;
import dev.cove.testkit.OrgFixture;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.regions.Region;

/** The tour's organization, and the example that counts its IAM users. */
class TourOrganizationTest {

    @RegisterExtension
    static final MotoExtension MOTO = new MotoExtension();

    @Test
    void countIamUsers_onTheTourOrganization_findsTheUsersOfEveryAccount() {
        OrgFixture org = TourOrganization.build(MOTO.endpoint());
        Cove cove = Cove.builder()
                .assumingCredentials(Moto.credentials())
                .assumingRegion(Region.US_EAST_1)
                .endpointOverride(MOTO.endpoint())
                .progress(false)
                .build();

        CoveOutput<Integer> output = CountIamUsers.count(cove);

        assertThat(org.accounts()).hasSize(24);
        assertThat(org.units()).extracting(unit -> unit.path())
                .contains("prod", "prod/web", "prod/web/edge", "prod/data", "staging", "sandbox", "sandbox/experiments");
        Map<String, Integer> expected = IntStream.range(0, org.accounts().size()).boxed()
                .collect(Collectors.toMap(i -> org.accounts().get(i).id(), TourOrganization::usersIn));
        assertThat(output.allSucceeded()).isTrue();
        assertThat(output.results().stream().collect(Collectors.toMap(CoveResult::id, CoveResult::result)))
                .isEqualTo(expected);

        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        CountIamUsers.print(output, new PrintStream(printed, true, StandardCharsets.UTF_8));
        assertThat(printed.toString(StandardCharsets.UTF_8))
                .startsWith("ACCOUNT")
                .contains("24 accounts", Integer.toString(expected.values().stream().mapToInt(i -> i).sum()));
    }
}
