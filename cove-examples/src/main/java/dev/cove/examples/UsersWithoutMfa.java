package dev.cove.examples;

import dev.cove.Cove;
import dev.cove.CoveOutput;
import dev.cove.CoveResult;
import java.io.PrintStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.User;

/**
 * Finds the IAM users without an MFA device in every account of the organization, with the Cove library: a
 * user's function, the kind {@code cove-testkit}'s {@code @CoveTest} tests ({@code UsersWithoutMfaTest}).
 *
 * <pre>
 * java dev.cove.examples.UsersWithoutMfa [--endpoint-url URL] [ACCOUNT-OR-OU-ID...]
 * </pre>
 *
 * <p>Prints one line per account and user; exits 1 when some account failed.
 */
public final class UsersWithoutMfa {

    private UsersWithoutMfa() {
    }

    /**
     * Finds and prints.
     *
     * @param args optionally {@code --endpoint-url URL}, then account, OU or root IDs (default: all accounts)
     */
    public static void main(String[] args) {
        Cove.Builder builder = Cove.builder();
        List<String> ids = new ArrayList<>(List.of(args));
        if (ids.size() >= 2 && ids.get(0).equals("--endpoint-url")) {
            builder.endpointOverride(URI.create(ids.get(1)));
            ids = ids.subList(2, ids.size());
        }
        if (!ids.isEmpty()) {
            builder.targetIds(ids);
        }
        CoveOutput<List<String>> output = find(builder.build());
        print(output, System.out);
        System.exit(output.allSucceeded() ? 0 : 1);
    }

    /**
     * Lists, in every target account, the IAM users that have no MFA device. IAM is global, so each account
     * needs one region only (the default).
     *
     * @param cove the selection of accounts
     * @return per account, the names of its users without MFA, in IAM's order
     */
    public static CoveOutput<List<String>> find(Cove cove) {
        return cove.run(session -> {
            IamClient iam = session.client(IamClient.builder());
            return iam.listUsersPaginator().users().stream()
                    .map(User::userName)
                    .filter(user -> !hasMfa(iam, user))
                    .toList();
        });
    }

    /**
     * Prints one line per account and user without MFA, then every failure.
     *
     * @param output what {@link #find} returned
     * @param out where to print
     */
    public static void print(CoveOutput<List<String>> output, PrintStream out) {
        for (CoveResult<List<String>> result : output.results()) {
            for (String user : result.result()) {
                out.printf("%-14s %-12s %s%n", result.id(), result.info().name(), user);
            }
        }
        List<CoveResult<List<String>>> failures = new ArrayList<>(output.exceptions());
        failures.addAll(output.failedAssumeRole());
        for (CoveResult<List<String>> failure : failures) {
            out.printf("FAILED %s %s: %s%n", failure.id(), failure.region(), failure.exception());
        }
    }

    private static boolean hasMfa(IamClient iam, String user) {
        // IAM may answer a page with fewer devices than exist, even none, and IsTruncated true, so the paginator
        // looks further: https://docs.aws.amazon.com/IAM/latest/APIReference/API_ListMFADevices.html
        return iam.listMFADevicesPaginator(request -> request.userName(user)).mfaDevices().iterator().hasNext();
    }
}
