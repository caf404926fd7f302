package dev.cove.examples;

import dev.cove.testkit.FaultProxy;
import dev.cove.testkit.MotoAccounts;
import dev.cove.testkit.MotoServer;
import dev.cove.testkit.OrgAccount;
import dev.cove.testkit.OrgFixture;
import dev.cove.testkit.OrgUnit;
import dev.cove.testkit.OrganizationBuilder;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;

/**
 * Starts a local AWS emulator (moto) holding an organization to try Cove on, and keeps it running until
 * the process is stopped: 24 member accounts in OUs nested three deep, each account with one to four IAM
 * users. This is what {@code try.sh} runs; nothing in it touches a real AWS account.
 *
 * <p>The tour talks to moto through an AWS-today {@link FaultProxy} ({@code FaultProxy.Builder#awsToday}), so
 * Organizations answers the way the AWS API reference says AWS answers now: accounts carry {@code State} and
 * no {@code Status}, listings come in pages of at most 20 and each includes one empty page with a NextToken.
 * {@code COVE_TOUR_ENDPOINT} is the proxy's endpoint; the organization itself is built directly in moto.
 *
 * <pre>
 * java dev.cove.examples.TourOrganization [--env-file FILE]
 * </pre>
 *
 * <p>It prints the endpoints and the OU IDs; with {@code --env-file} it also writes them as shell variables
 * ({@code COVE_TOUR_ENDPOINT}, {@code COVE_TOUR_ROOT}, {@code COVE_TOUR_OU_PROD}, {@code COVE_TOUR_OU_PROD_WEB},
 * ...) once the organization is ready.
 */
public final class TourOrganization {

    private TourOrganization() {
    }

    /**
     * Starts the emulator, builds the organization, and waits until killed (the emulator stops with it).
     *
     * @param args optionally {@code --env-file FILE}
     * @throws Exception when the emulator cannot start or the organization cannot be built
     */
    public static void main(String[] args) throws Exception {
        Path envFile = args.length == 2 && args[0].equals("--env-file") ? Path.of(args[1]) : null;
        if (args.length != 0 && envFile == null) {
            System.err.println("usage: TourOrganization [--env-file FILE]");
            System.exit(2);
        }
        MotoServer moto = MotoServer.start();
        FaultProxy awsToday = FaultProxy.builder(moto.endpoint()).awsToday(true).recordRequests(false).start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            awsToday.close();
            moto.close();
        }, "tour-moto-stop"));
        OrgFixture org = build(moto.endpoint());
        String variables = variables(awsToday.endpoint(), org);
        System.out.println("moto is listening on " + moto.endpoint() + " with organization "
                + org.organizationId() + ": " + org.accounts().size() + " member accounts in "
                + org.units().size() + " OUs; the tour's endpoint " + awsToday.endpoint()
                + " answers in the AWS-today shape (account State without Status, pages of at most 20,"
                + " one empty page with a NextToken per listing)");
        System.out.print(variables);
        if (envFile != null) {
            writeAtomically(envFile, variables);
        }
        System.out.flush();
        new CountDownLatch(1).await();
    }

    /**
     * Builds the tour's organization in the emulator at {@code endpoint}, which must be empty: OUs
     * {@code prod} (with {@code prod/web}, {@code prod/web/edge} and {@code prod/data}), {@code staging} and
     * {@code sandbox} (with {@code sandbox/experiments}), 24 member accounts, and 1 to 4 IAM users in each
     * (account number {@code i}, counting from 0, has {@code 1 + i % 4}).
     *
     * @param endpoint the emulator
     * @return the organization
     */
    public static OrgFixture build(URI endpoint) {
        OrgFixture org = OrganizationBuilder.on(endpoint)
                .ou("prod", prod -> prod.accounts(4)
                        .ou("web", web -> web.accounts(4).ou("edge", edge -> edge.accounts(2)))
                        .ou("data", data -> data.accounts(4)))
                .ou("staging", staging -> staging.accounts(4))
                .ou("sandbox", sandbox -> sandbox.accounts(4).ou("experiments", lab -> lab.accounts(2)))
                .build();
        List<OrgAccount> accounts = org.accounts();
        for (int i = 0; i < accounts.size(); i++) {
            MotoAccounts.createIamUsers(endpoint, accounts.get(i).id(), usersIn(i));
        }
        return org;
    }

    /**
     * Returns how many IAM users {@link #build} creates in the account at a position.
     *
     * @param position the account's position in {@link OrgFixture#accounts()}, from 0
     * @return the number of users
     */
    public static int usersIn(int position) {
        return 1 + position % 4;
    }

    private static String variables(URI endpoint, OrgFixture org) {
        StringBuilder text = new StringBuilder()
                .append("COVE_TOUR_ENDPOINT=").append(endpoint).append('\n')
                .append("COVE_TOUR_ROOT=").append(org.rootId()).append('\n')
                .append("COVE_TOUR_ACCOUNTS=").append(org.accounts().size()).append('\n');
        for (OrgUnit unit : org.units()) {
            text.append("COVE_TOUR_OU_").append(unit.path().toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_"))
                    .append('=').append(unit.id()).append('\n');
        }
        return text.toString();
    }

    private static void writeAtomically(Path file, String text) throws IOException {
        Path absolute = file.toAbsolutePath();
        Path temporary = Files.createTempFile(absolute.getParent(), ".tour", ".tmp");
        Files.writeString(temporary, text, StandardCharsets.UTF_8);
        Files.move(temporary, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
}
