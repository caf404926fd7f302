package dev.cove.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Whether an account is ACTIVE: its State decides; its retired Status only where AWS sent no State. */
class OrgAccountTest {

    @ParameterizedTest(name = "Status {0}, State {1} -> active {2}")
    @CsvSource(nullValues = "-", value = {
        "-, ACTIVE, true",              // AWS today: State only
        "-, SUSPENDED, false",
        "-, PENDING_CLOSURE, false",
        "-, CLOSED, false",
        "-, PENDING_ACTIVATION, false",
        "ACTIVE, SUSPENDED, false",     // both sent: State wins
        "SUSPENDED, ACTIVE, true",
        "ACTIVE, -, true",              // an emulator or partition that sends only Status
        "SUSPENDED, -, false",
        "-, -, false"})
    void active_isDecidedByStateThenStatus(String status, String state, boolean active) {
        OrgAccount account = new OrgAccount("111122223333", null, null, null, status, state);

        assertThat(account.active()).isEqualTo(active);
        assertThat(account.lifecycle()).isEqualTo(state != null ? state : status);
    }
}
