package dev.cove.cli.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Counts targets by outcome, and shows the counts in the report's order and colours. */
public final class Tally {

    /** The outcomes in the order the report shows them; other labels follow in the order met. */
    static final List<String> ORDER = List.of(LedgerRecord.RESULT, LedgerRecord.EXCEPTION,
            LedgerRecord.FAILED_ASSUME_ROLE, LedgerRecord.INTERRUPTED, LedgerRecord.SKIPPED);

    private static final Map<String, String> LABELS = Map.of(LedgerRecord.RESULT, "succeeded",
            LedgerRecord.EXCEPTION, "program failed", LedgerRecord.FAILED_ASSUME_ROLE, "role not assumed",
            LedgerRecord.INTERRUPTED, "interrupted", LedgerRecord.SKIPPED, "skipped");

    /**
     * One outcome's share of a tally.
     *
     * @param outcome the outcome label, e.g. {@code FailedAssumeRole}
     * @param css the CSS class of its colour, e.g. {@code o-failedassumerole}
     * @param label what the report calls it, e.g. {@code failed to assume the role}
     * @param count how many targets
     * @param share the percentage of the tally's targets, e.g. {@code 12.5}
     * @param percent the share as people read it, e.g. {@code 12.5 %}, {@code < 0.1 %}
     */
    public record Segment(String outcome, String css, String label, int count, double share, String percent) {

        /**
         * Returns the count with thousands separators.
         *
         * @return e.g. {@code 1,234}
         */
        public String shown() {
            return Tally.number(count);
        }

        /**
         * Returns the share as a CSS width.
         *
         * @return e.g. {@code 12.50}
         */
        public String width() {
            return String.format(Locale.ROOT, "%.2f", share);
        }
    }

    private final Map<String, Integer> counts = new LinkedHashMap<>();
    private int total;

    Tally() {
        ORDER.forEach(outcome -> counts.put(outcome, 0));
    }

    void add(String outcome) {
        counts.merge(outcome, 1, Integer::sum);
        total++;
    }

    int total() {
        return total;
    }

    int count(String outcome) {
        return counts.getOrDefault(outcome, 0);
    }

    /** Targets whose program failed or whose role could not be assumed. */
    int failed() {
        return count(LedgerRecord.EXCEPTION) + count(LedgerRecord.FAILED_ASSUME_ROLE);
    }

    /** Targets that neither succeeded nor failed: interrupted, skipped, or of an outcome this report does not know. */
    int unfinished() {
        return total - count(LedgerRecord.RESULT) - failed();
    }

    /**
     * Returns each outcome's share, in the report's order.
     *
     * @param withEmpty whether outcomes without targets are included (the totals show every outcome)
     * @return the segments
     */
    List<Segment> segments(boolean withEmpty) {
        List<Segment> segments = new ArrayList<>();
        counts.forEach((outcome, count) -> {
            if (count > 0 || withEmpty && ORDER.contains(outcome)) {
                double share = total == 0 ? 0 : 100.0 * count / total;
                segments.add(new Segment(outcome, css(outcome), label(outcome), count, share, percent(count, total)));
            }
        });
        return segments;
    }

    /**
     * Returns the CSS class of an outcome's colour.
     *
     * @param outcome the outcome label
     * @return e.g. {@code o-result}; {@code o-other} for labels this report does not know
     */
    static String css(String outcome) {
        return ORDER.contains(outcome) ? "o-" + outcome.toLowerCase(Locale.ROOT) : "o-other";
    }

    /**
     * Returns what the report calls an outcome.
     *
     * @param outcome the outcome label
     * @return e.g. {@code succeeded}
     */
    static String label(String outcome) {
        return LABELS.getOrDefault(outcome, outcome);
    }

    /**
     * Formats a count with thousands separators.
     *
     * @param count the count
     * @return e.g. {@code 300,000}
     */
    static String number(long count) {
        return String.format(Locale.ROOT, "%,d", count);
    }

    /**
     * Formats a share so that a small non-zero share does not read as none.
     *
     * @param count the part
     * @param total the whole
     * @return e.g. {@code 97.3 %}, {@code < 0.1 %}, {@code 0 %}
     */
    static String percent(long count, long total) {
        if (count == 0 || total == 0) {
            return "0 %";
        }
        double share = 100.0 * count / total;
        if (share < 0.1) {
            return "< 0.1 %";
        }
        if (count < total && share > 99.9) {
            return "> 99.9 %";
        }
        return count == total ? "100 %" : String.format(Locale.ROOT, "%.1f %%", share);
    }
}
