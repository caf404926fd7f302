package dev.cove.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;

class AssumedRoleCredentialsTest {

    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
    private static final Duration LIFETIME = Duration.ofHours(1);

    /** A clock the test moves by hand. */
    private static final class FakeClock extends Clock {
        private Instant now = START;

        void set(Instant instant) {
            now = instant;
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }

    /** Answers each AssumeRole call with the next planned answer: credentials expiring an hour on, or a failure. */
    private static final class FakeSts implements Supplier<AwsSessionCredentials> {
        private final FakeClock clock;
        private final Deque<RuntimeException> failures = new ArrayDeque<>();
        private int calls;

        FakeSts(FakeClock clock) {
            this.clock = clock;
        }

        void failNext(RuntimeException failure) {
            failures.add(failure);
        }

        @Override
        public AwsSessionCredentials get() {
            calls++;
            RuntimeException failure = failures.poll();
            if (failure != null) {
                throw failure;
            }
            return AwsSessionCredentials.builder().accessKeyId("AKID" + calls).secretAccessKey("secret")
                    .sessionToken("token" + calls).expirationTime(clock.instant().plus(LIFETIME)).build();
        }
    }

    private final FakeClock clock = new FakeClock();
    private final FakeSts sts = new FakeSts(clock);

    @Test
    void assumesOnceAndKeepsTheCredentialsUntilThePrefetchWindow() {
        AssumedRoleCredentials credentials = new AssumedRoleCredentials(sts, clock);

        assertThat(credentials.resolveCredentials().accessKeyId()).isEqualTo("AKID1");
        clock.set(START.plus(LIFETIME).minus(AssumedRoleCredentials.PREFETCH).minusSeconds(1));
        assertThat(credentials.resolveCredentials().accessKeyId()).isEqualTo("AKID1");
        assertThat(credentials.resolveCredentials().expirationTime()).contains(START.plus(LIFETIME));
        assertThat(sts.calls).isEqualTo(1);
    }

    @Test
    void refreshesOnceInThePrefetchWindow() {
        AssumedRoleCredentials credentials = new AssumedRoleCredentials(sts, clock);

        Instant prefetch = START.plus(LIFETIME).minus(AssumedRoleCredentials.PREFETCH);
        clock.set(prefetch);
        assertThat(credentials.resolveCredentials().accessKeyId()).isEqualTo("AKID2");
        assertThat(credentials.resolveCredentials().accessKeyId()).isEqualTo("AKID2");
        assertThat(credentials.resolveCredentials().expirationTime()).contains(prefetch.plus(LIFETIME));
        assertThat(sts.calls).isEqualTo(2);
    }

    @Test
    void aFailedRefreshKeepsCredentialsThatHaveNotExpired() {
        AssumedRoleCredentials credentials = new AssumedRoleCredentials(sts, clock);

        clock.set(START.plus(LIFETIME).minus(AssumedRoleCredentials.PREFETCH));
        sts.failNext(new IllegalStateException("throttled"));
        assertThat(credentials.resolveCredentials().accessKeyId()).isEqualTo("AKID1");

        clock.set(START.plus(LIFETIME).minus(AssumedRoleCredentials.STALE));
        sts.failNext(new IllegalStateException("throttled again"));
        assertThat(credentials.resolveCredentials().accessKeyId()).isEqualTo("AKID1");

        clock.set(START.plus(LIFETIME).minusMillis(1));
        assertThat(credentials.resolveCredentials().accessKeyId()).isEqualTo("AKID4");
        assertThat(sts.calls).isEqualTo(4);
    }

    @Test
    void neverReturnsExpiredCredentials() {
        AssumedRoleCredentials credentials = new AssumedRoleCredentials(sts, clock);

        clock.set(START.plus(LIFETIME));
        IllegalStateException down = new IllegalStateException("STS is down");
        sts.failNext(down);
        assertThatThrownBy(credentials::resolveCredentials).isSameAs(down);

        clock.set(START.plus(LIFETIME).plusSeconds(30));
        assertThat(credentials.resolveCredentials().accessKeyId()).isEqualTo("AKID3");
        assertThat(credentials.resolveCredentials().expirationTime()).contains(clock.instant().plus(LIFETIME));
    }

    @Test
    void theFirstFailureIsThrownByTheConstructor() {
        IllegalStateException denied = new IllegalStateException("AccessDenied");
        sts.failNext(denied);

        assertThatThrownBy(() -> new AssumedRoleCredentials(sts, clock)).isSameAs(denied);
    }

    @Test
    void credentialsWithoutAnExpirationTimeAreKeptForAnHour() {
        Supplier<AwsSessionCredentials> undated = () -> {
            sts.calls++;
            return AwsSessionCredentials.create("AKID", "secret", "token");
        };
        AssumedRoleCredentials credentials = new AssumedRoleCredentials(undated, clock);

        clock.set(START.plus(Duration.ofMinutes(54)));
        credentials.resolveCredentials();
        assertThat(sts.calls).isEqualTo(1);
        clock.set(START.plus(Duration.ofMinutes(55)));
        credentials.resolveCredentials();
        assertThat(sts.calls).isEqualTo(2);
    }

    @Test
    void readsTheAccountIdFromTheAssumedRoleArn() {
        assertThat(AssumedRoleCredentials.accountId("arn:aws:sts::123456789012:assumed-role/Cove/session"))
                .isEqualTo("123456789012");
        assertThat(AssumedRoleCredentials.accountId("arn:aws-cn:sts::210987654321:assumed-role/R/s"))
                .isEqualTo("210987654321");
        assertThat(AssumedRoleCredentials.accountId("not-an-arn")).isNull();
        assertThat(AssumedRoleCredentials.accountId(null)).isNull();
    }
}
