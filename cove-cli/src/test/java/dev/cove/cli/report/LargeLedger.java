package dev.cove.cli.report;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes the ledger of a large run, as {@code cove exec -f jsonl} writes it, with every field of a record: accounts
 * spread over 155 OUs three levels deep, 15 regions, about 3 % failures of four causes, some interrupted and some
 * skipped targets, and durations from 40 ms to a few minutes.
 */
public final class LargeLedger {

    /** The regions of every account. */
    public static final List<String> REGIONS = List.of("us-east-1", "us-east-2", "us-west-1", "us-west-2",
            "eu-west-1", "eu-west-2", "eu-west-3", "eu-central-1", "eu-north-1", "ap-south-1", "ap-northeast-1",
            "ap-northeast-2", "ap-southeast-1", "ap-southeast-2", "sa-east-1");

    private static final Instant START = Instant.parse("2026-03-02T10:00:00Z");

    private LargeLedger() {
    }

    /**
     * Writes a ledger, for measuring {@code cove report} by hand.
     *
     * @param args the file, and the number of accounts (20,000 make 300,000 targets)
     * @throws IOException when writing fails
     */
    public static void main(String[] args) throws IOException {
        write(Path.of(args[0]), Integer.parseInt(args[1]));
    }

    /**
     * Writes the ledger.
     *
     * @param file where
     * @param accounts how many accounts (each runs in the 15 regions)
     * @throws IOException when writing fails
     */
    public static void write(Path file, int accounts) throws IOException {
        List<String> ous = ous();
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            int n = 0;
            for (int a = 0; a < accounts; a++) {
                String id = String.format("%012d", 100_000_000_000L + a * 7_919L);
                String name = String.format("acct-%05d", a);
                String ou = ous.get(a % ous.size());
                for (String region : REGIONS) {
                    out.write(line(n++, a, id, name, ou, region));
                    out.write('\n');
                }
            }
        }
    }

    private static List<String> ous() {
        List<String> ous = new ArrayList<>();
        for (String top : List.of("Prod", "Staging", "Dev", "Sandbox", "Shared")) {
            ous.add("/" + top);
            for (int b = 1; b <= 5; b++) {
                String business = "/" + top + "/Unit" + b;
                ous.add(business);
                for (int t = 1; t <= 5; t++) {
                    ous.add(business + "/Team" + t);
                }
            }
        }
        return ous;
    }

    private static String line(int n, int account, String id, String name, String ou, String region) {
        StringBuilder line = new StringBuilder(480)
                .append("{\"Id\":\"").append(id)
                .append("\",\"Arn\":\"arn:aws:organizations::999999999999:account/o-exampleorg1/").append(id)
                .append("\",\"Email\":\"").append(name).append("@example.com\",\"Name\":\"").append(name)
                .append("\",\"State\":\"ACTIVE\",\"Region\":\"").append(region)
                .append("\",\"Partition\":\"aws\",\"RoleName\":\"OrganizationAccountAccessRole\","
                        + "\"RoleSessionName\":\"OrganizationAccountAccessRole\",\"OuPath\":\"").append(ou)
                .append("\",\"Tags\":{\"cost-center\":\"cc-").append(account % 40).append("\"}");
        boolean denied = account % 97 == 13;
        boolean skipped = n >= 299_400;
        if (skipped) {
            return line.append(",\"AssumeRoleSuccess\":false,\"Outcome\":\"Skipped\",\"Reason\":\"more than"
                    + " --max-failures 9000 targets failed\",\"ExceptionDetails\":\"not started: more than"
                    + " --max-failures 9000 targets failed\"}").toString();
        }
        long duration = 40 + (n * 7_919L) % 4_000 + (n % 1_000 == 0 ? 180_000 : 0);
        line.append(",\"AssumeRoleSuccess\":").append(!denied);
        if (denied) {
            line.append(",\"Outcome\":\"FailedAssumeRole\",\"ExceptionDetails\":\"StsException: User:"
                    + " arn:aws:iam::999999999999:user/ops is not authorized to perform: sts:AssumeRole on resource:"
                    + " arn:aws:iam::").append(id).append(":role/OrganizationAccountAccessRole (Service: Sts, Status"
                    + " Code: 403, Request ID: 00000000-0000-4000-8000-").append(String.format("%012d", n))
                    .append(") (SDK Attempt Count: 1)\",\"ErrorCode\":\"AccessDenied\"");
            duration = 150 + n % 100;
        } else if (n % 211 == 5) {
            line.append(",\"Outcome\":\"Exception\",\"ExceptionDetails\":\"command exited with code 3\","
                    + "\"ExitCode\":3,\"Stderr\":\"bucket policy denies access\"");
        } else if (n % 1_009 == 7) {
            duration = 300_000;
            line.append(",\"Outcome\":\"Exception\",\"ExceptionDetails\":\"command timed out after 5m and was"
                    + " killed\",\"ExitCode\":143,\"TimedOut\":true");
        } else if (n % 3_001 == 11) {
            line.append(",\"Outcome\":\"Exception\",\"ExceptionDetails\":\"command exited with code 254\","
                    + "\"ExitCode\":254,\"Stderr\":\"An error occurred (Throttling) when calling the DescribeInstances"
                    + " operation: Rate exceeded\"");
        } else if (n >= 299_300) {
            line.append(",\"Outcome\":\"Interrupted\",\"ExceptionDetails\":\"interrupted: the run was stopped and"
                    + " the command was killed\",\"Reason\":\"the run was interrupted\"");
        } else {
            line.append(",\"Outcome\":\"Result\",\"Result\":{\"Buckets\":").append(n % 17)
                    .append(",\"Public\":false},\"ExitCode\":0");
        }
        return line.append(",\"StartedAt\":\"").append(START.plusMillis(n * 3L))
                .append("\",\"DurationMs\":").append(duration).append('}').toString();
    }
}
