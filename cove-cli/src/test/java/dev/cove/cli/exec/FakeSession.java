package dev.cove.cli.exec;

import dev.cove.CoveSession;
import dev.cove.SessionInformation;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.regions.Region;

/** A session with fixed, fake credentials, to run {@link ExecFunction} without any AWS endpoint. */
final class FakeSession implements CoveSession {

    static final String ACCESS_KEY = "ASIAFAKEACCESSKEY123";
    static final String SECRET_KEY = "fakeSecretKey/abc+def0123456789";
    static final String SESSION_TOKEN = "fakeSessionToken//aaaabbbbccccdddd==";

    private final SessionInformation info;

    FakeSession(String accountId, String name, String region) {
        this.info = new SessionInformation(accountId, "arn:aws:organizations::123456789012:account/o-x/" + accountId,
                name + "@example.com", name, null, "ACTIVE", "OrganizationAccountAccessRole", "cove", null, List.of(), null,
                region, "aws", true, null, null);
    }

    static FakeSession of() {
        return new FakeSession("111122223333", "acct-0001", "eu-west-1");
    }

    @Override
    public SessionInformation sessionInformation() {
        return info;
    }

    @Override
    public String accountId() {
        return info.id();
    }

    @Override
    public Region region() {
        return Region.of(info.region());
    }

    @Override
    public AwsCredentialsProvider credentialsProvider() {
        return StaticCredentialsProvider.create(AwsSessionCredentials.create(ACCESS_KEY, SECRET_KEY, SESSION_TOKEN));
    }

    @Override
    public <C> C client(AwsClientBuilder<?, C> builder) {
        throw new UnsupportedOperationException("not needed by ExecFunction");
    }
}
