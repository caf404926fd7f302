package dev.cove.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** @CoveTest with no account, moto's own shape, and a test instance per class that takes the kit in its constructor. */
@CoveTest(shape = AwsShape.MOTO)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CoveTestPerClassTest {

    private final FaultProxy proxy;
    private final OrgFixture org;

    CoveTestPerClassTest(FaultProxy proxy, OrgFixture org) {
        this.proxy = proxy;
        this.org = org;
    }

    @Test
    void constructorParameters_areResolvedBeforeBeforeAll_fromTheSameEnvironment(FaultProxy sameProxy, OrgFixture sameOrg) {
        assertThat(sameProxy).isSameAs(proxy);
        assertThat(sameOrg).isSameAs(org);
    }

    @Test
    void noAccounts_givesAnOrganizationWithTheManagementAccountOnly() {
        assertThat(org.accounts()).isEmpty();
        assertThat(org.units()).isEmpty();
        assertThat(org.allAccountIds()).containsExactly(Moto.MANAGEMENT_ACCOUNT_ID);
    }

    @Test
    void shapeMoto_answersAsMotoDoes() {
        assertThat(proxy.isAwsToday()).isFalse();
    }
}
