package dev.cove.cli;

import software.amazon.awssdk.services.sts.StsClient;

/**
 * A program {@code cove exec} runs in a test: a Java SDK client with the default credentials chain (so, under
 * {@code --credential-server}, the container credential provider), asking STS who it is, then again after
 * waiting. It prints the ARN each time, never a credential.
 */
public final class CallerIdentityChild {

    private CallerIdentityChild() {
    }

    /**
     * Asks twice.
     *
     * @param args the milliseconds to wait between the two calls
     * @throws InterruptedException when interrupted while waiting
     */
    public static void main(String[] args) throws InterruptedException {
        try (StsClient sts = StsClient.create()) {
            System.out.println(sts.getCallerIdentity().arn());
            Thread.sleep(Long.parseLong(args[0]));
            System.out.println(sts.getCallerIdentity().arn());
        }
    }
}
