package dev.cove.examples;

import dev.cove.Cove;
import dev.cove.CoveOutput;
import dev.cove.CoveResult;
import java.io.PrintStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.iam.IamClient;

/**
 * Counts the IAM users of every account of the organization with the Cove library, and prints a table.
 *
 * <pre>
 * java dev.cove.examples.CountIamUsers [--endpoint-url URL] [ACCOUNT-OR-OU-ID...]
 * </pre>
 *
 * <p>Credentials and region come from the SDK's default chains; {@code --endpoint-url} (or the SDK's own
 * {@code AWS_ENDPOINT_URL}) sends every call to an emulator. Exits 1 when some account failed.
 */
public final class CountIamUsers {

    private CountIamUsers() {
    }

    /**
     * Counts and prints.
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
        CoveOutput<Integer> output = count(builder.build());
        print(output, System.out);
        System.exit(output.allSucceeded() ? 0 : 1);
    }

    /**
     * Counts the IAM users of every target account. IAM is global, so each account needs one region only.
     *
     * @param cove the selection of accounts
     * @return per account, the number of users
     */
    public static CoveOutput<Integer> count(Cove cove) {
        return cove.run(session -> {
            IamClient iam = session.client(IamClient.builder());
            return iam.listUsersPaginator().users().stream().mapToInt(user -> 1).sum();
        });
    }

    /**
     * Prints one line per account, the total, and every failure.
     *
     * @param output the counts
     * @param out where to print
     */
    public static void print(CoveOutput<Integer> output, PrintStream out) {
        out.printf("%-14s %-12s %5s%n", "ACCOUNT", "NAME", "USERS");
        int total = 0;
        for (CoveResult<Integer> result : output.results()) {
            out.printf("%-14s %-12s %5d%n", result.id(), result.info().name(), result.result());
            total += result.result();
        }
        out.printf("%-27s %5d%n", output.results().size() + " accounts", total);
        List<CoveResult<Integer>> failures = new ArrayList<>(output.exceptions());
        failures.addAll(output.failedAssumeRole());
        for (CoveResult<Integer> failure : failures) {
            out.printf("FAILED %s %s: %s%n", failure.id(), failure.region(), failure.exception());
        }
    }
}
