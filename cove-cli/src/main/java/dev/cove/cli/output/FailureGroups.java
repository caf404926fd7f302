package dev.cove.cli.output;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Sorts targets that did not succeed into groups of one cause, and describes the groups in a few lines. The
 * cause is the AWS error code when there is one ({@code AccessDenied}), otherwise the one-line description of
 * the failure without what differs from target to target (account IDs, the SDK's request details), e.g.
 * {@code command exited with code 3}. The end-of-run summary of {@code cove exec} and the page of
 * {@code cove report} show the same groups; each group keeps the first few targets it was given and counts
 * the rest, so its size does not grow with the run.
 */
public final class FailureGroups {

    /** The SDK's request details at the end of its messages: {@code (Service: Sts, Status Code: 403, ...)}. */
    private static final Pattern SDK_DETAILS =
            Pattern.compile("\\s*\\((?:Service|Status Code|Request ID|SDK Attempt Count)[^)]*\\)");
    private static final Pattern ACCOUNT_ID = Pattern.compile("(?<![0-9])[0-9]{12}(?![0-9])");
    private static final int LONGEST_CAUSE = 160;
    private static final int LONGEST_HINT = 200;
    /** Distinct hints counted per group; more are counted together. */
    private static final int MOST_HINTS = 50;
    /** Accounts a summary line names. */
    private static final int NAMED_ACCOUNTS = 3;

    /**
     * One target that did not succeed.
     *
     * @param outcome its outcome label, e.g. {@code FailedAssumeRole}
     * @param cause its group, from {@link #cause(String, String)}
     * @param accountId the account
     * @param accountName the account's name, or null
     * @param region the region
     * @param details the full one-line description ({@code ExceptionDetails}), or null
     * @param hint what the target's program said last on stderr, or null
     */
    public record Failure(String outcome, String cause, String accountId, String accountName, String region,
            String details, String hint) {
    }

    /**
     * A text seen in a group, and how often.
     *
     * @param text the text
     * @param count how many targets of the group had it
     */
    public record Count(String text, int count) {
    }

    /**
     * The targets of one cause.
     *
     * @param outcome the outcome label of its targets
     * @param cause the cause: error code or message
     * @param count how many targets
     * @param accounts how many distinct accounts
     * @param kept the first targets given (at most the number the groups were created with)
     * @param regions the regions, with how many of the group's targets ran there, most first
     * @param example the description of the first target, in full
     * @param hints the last stderr lines of its targets, most frequent first (at most three)
     */
    public record Group(String outcome, String cause, int count, int accounts, List<Failure> kept,
            List<Count> regions, String example, List<Count> hints) {

        /**
         * Returns how many targets were given beyond those kept.
         *
         * @return {@code count - kept.size()}
         */
        public int notKept() {
            return count - kept.size();
        }

        /**
         * Returns the first targets kept of the first {@value #NAMED_ACCOUNTS} distinct accounts, to name them.
         *
         * @return one target per account, at most {@value #NAMED_ACCOUNTS}
         */
        public List<Failure> namedAccounts() {
            Set<String> seen = new HashSet<>();
            return kept.stream().filter(failure -> seen.add(failure.accountId())).limit(NAMED_ACCOUNTS).toList();
        }

        /**
         * Returns how many accounts {@link #namedAccounts()} leaves out.
         *
         * @return {@code accounts - namedAccounts().size()}
         */
        public int accountsNotNamed() {
            return accounts - namedAccounts().size();
        }
    }

    private final int keep;
    private final Map<String, Builder> groups = new LinkedHashMap<>();
    private int total;

    /**
     * Creates empty groups.
     *
     * @param keep how many targets each group keeps to be listed
     */
    public FailureGroups(int keep) {
        this.keep = keep;
    }

    /**
     * Returns the cause a failure is grouped by.
     *
     * @param errorCode the AWS error code ({@code ErrorCode}), or null
     * @param details the one-line description ({@code ExceptionDetails}), or null
     * @return the error code; else the description without account IDs and the SDK's request details
     */
    public static String cause(String errorCode, String details) {
        if (errorCode != null && !errorCode.isBlank()) {
            return errorCode.strip();
        }
        if (details == null || details.isBlank()) {
            return "unknown failure";
        }
        String text = SDK_DETAILS.matcher(details).replaceAll("");
        text = ACCOUNT_ID.matcher(text).replaceAll("…").replaceAll("\\s+", " ").strip();
        return cut(text, LONGEST_CAUSE);
    }

    /**
     * Returns the last non-blank line of what a program wrote on stderr: usually the one that says why it failed.
     *
     * @param stderr the program's stderr, or null
     * @return the line, stripped; null when there is none
     */
    public static String lastLine(String stderr) {
        if (stderr == null) {
            return null;
        }
        String text = stderr.strip();
        String line = text.substring(text.lastIndexOf('\n') + 1).strip();
        return line.isEmpty() ? null : line;
    }

    /**
     * Adds a target.
     *
     * @param failure the target
     */
    public void add(Failure failure) {
        total++;
        groups.computeIfAbsent(failure.outcome() + '\u0000' + failure.cause(), id -> new Builder(failure)).add(failure);
    }

    /**
     * Returns how many targets were added.
     *
     * @return the number
     */
    public int size() {
        return total;
    }

    /**
     * Returns the groups, largest first (then by cause).
     *
     * @return the groups
     */
    public List<Group> groups() {
        return groups.values().stream().map(Builder::build)
                .sorted(Comparator.comparingInt(Group::count).reversed().thenComparing(Group::cause))
                .toList();
    }

    /**
     * Describes the groups in at most {@code lines} lines, largest first, e.g.
     * {@code AccessDenied ×12 (111111111111, 222222222222, 333333333333, … 9 more accounts)}; when there are
     * more groups, the last line counts the rest: {@code … and 7 more failures (3 other causes)}.
     *
     * @param lines the most lines, at least 1
     * @return the lines, none when no target was added
     */
    public List<String> summaryLines(int lines) {
        List<Group> all = groups();
        int shown = all.size() <= lines ? all.size() : lines - 1;
        List<String> text = new ArrayList<>();
        for (Group group : all.subList(0, shown)) {
            text.add(summaryLine(group));
        }
        if (shown < all.size()) {
            List<Group> rest = all.subList(shown, all.size());
            int failures = rest.stream().mapToInt(Group::count).sum();
            text.add("… and " + failures + (failures == 1 ? " more failure (" : " more failures (") + rest.size()
                    + (rest.size() == 1 ? " other cause)" : " other causes)"));
        }
        return text;
    }

    private static String summaryLine(Group group) {
        StringBuilder line = new StringBuilder(group.cause()).append(" ×").append(group.count()).append(" (");
        line.append(String.join(", ", group.namedAccounts().stream().map(Failure::accountId).toList()));
        int more = group.accountsNotNamed();
        if (more > 0) {
            line.append(", … ").append(more).append(more == 1 ? " more account" : " more accounts");
        }
        return line.append(')').toString();
    }

    private static String cut(String text, int longest) {
        return text.length() <= longest ? text : text.substring(0, longest - 1) + "…";
    }

    /** One group as it fills. */
    private final class Builder {

        private final Failure first;
        private final List<Failure> kept = new ArrayList<>();
        private final Set<String> accounts = new HashSet<>();
        private final Map<String, Integer> regions = new HashMap<>();
        private final Map<String, Integer> hints = new HashMap<>();
        private int count;

        Builder(Failure first) {
            this.first = first;
        }

        void add(Failure failure) {
            count++;
            if (kept.size() < keep) {
                kept.add(failure);
            }
            accounts.add(failure.accountId());
            regions.merge(String.valueOf(failure.region()), 1, Integer::sum);
            if (failure.hint() != null && !failure.hint().isBlank()) {
                String hint = cut(failure.hint().strip(), LONGEST_HINT);
                if (hints.containsKey(hint) || hints.size() < MOST_HINTS) {
                    hints.merge(hint, 1, Integer::sum);
                }
            }
        }

        Group build() {
            return new Group(first.outcome(), first.cause(), count, accounts.size(), List.copyOf(kept),
                    mostFirst(regions, Integer.MAX_VALUE), first.details(), mostFirst(hints, 3));
        }

        private static List<Count> mostFirst(Map<String, Integer> counts, int limit) {
            return counts.entrySet().stream()
                    .map(entry -> new Count(entry.getKey(), entry.getValue()))
                    .sorted(Comparator.comparingInt(Count::count).reversed()
                            .thenComparing(count -> count.text().toLowerCase(Locale.ROOT)))
                    .limit(limit)
                    .toList();
        }
    }
}
