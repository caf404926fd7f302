package dev.cove.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Slots of accounts that join a run one by one, with different numbers of regions. */
class AdmissionsTest {

    private static PlannedAccount account(String id, String... regions) {
        return new PlannedAccount(OrgAccount.withoutMetadata(id), null, null, List.of(regions), false);
    }

    @Test
    void admit_givesEachAccountTheNextSlots_andEachSlotMapsBackToItsAccountAndRegion() {
        Admissions admissions = new Admissions();

        assertThat(admissions.admit(account("000000000003", "us-east-1", "eu-west-1"))).isZero();
        assertThat(admissions.admit(account("000000000001", "us-east-1"))).isEqualTo(2);
        assertThat(admissions.admit(account("000000000002", "us-east-1", "eu-west-1", "ap-south-1"))).isEqualTo(3);

        assertThat(admissions.accounts()).isEqualTo(3);
        assertThat(admissions.slots()).isEqualTo(6);
        String[] expected = {"000000000003/us-east-1", "000000000003/eu-west-1", "000000000001/us-east-1",
            "000000000002/us-east-1", "000000000002/eu-west-1", "000000000002/ap-south-1"};
        for (int slot = 0; slot < expected.length; slot++) {
            assertThat(admissions.accountAt(slot).id() + "/" + admissions.regionAt(slot)).isEqualTo(expected[slot]);
        }
        assertThatThrownBy(() -> admissions.accountAt(6)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void admit_whenTheAccountJoinedAlready_givesNoSlot() {
        Admissions admissions = new Admissions();
        admissions.admit(account("000000000001", "us-east-1"));

        assertThat(admissions.admit(account("000000000001", "us-east-1", "eu-west-1"))).isEqualTo(-1);
        assertThat(admissions.slots()).isEqualTo(1);
        assertThat(admissions.find("000000000001").regions()).containsExactly("us-east-1");
        assertThat(admissions.find("000000000009")).isNull();
    }

    @Test
    void admit_growsPastItsFirstCapacity() {
        Admissions admissions = new Admissions();
        for (int n = 0; n < 1_000; n++) {
            admissions.admit(account(String.format("%012d", n), "us-east-1", "eu-west-1"));
        }

        assertThat(admissions.slots()).isEqualTo(2_000);
        assertThat(admissions.accountAt(1_999).id()).isEqualTo(String.format("%012d", 999));
        assertThat(admissions.regionAt(1_999)).isEqualTo("eu-west-1");
    }
}
