package dev.cove.cli.report;

import dev.cove.cli.output.FailureGroups;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Everything the report's template shows, aggregated from the records so that the page stays small however
 * large the run: counts, the grid, causes of failure with a bounded number of targets each, the slowest
 * targets, and the histogram. Successes are counted, never listed.
 *
 * @param generated when the report was made
 * @param files the ledgers read
 * @param reading how they were read (records, replaced records, cut-off lines)
 * @param verdict the one-line answer: did it work everywhere?
 * @param verdictCss {@code ok}, {@code failed} or {@code unfinished}
 * @param total the number of targets
 * @param totals every outcome's count and share
 * @param facts accounts, regions, OUs, wall time, start and end
 * @param grid the OU × region grid
 * @param ouNote what the grid says about records without an OU path, or null when every record has one
 * @param cells the lists the grid's cells link to
 * @param failures the causes of failure, largest first
 * @param failuresNotShown a line counting causes left out of the page, or null
 * @param unfinished the targets that neither succeeded nor failed (interrupted, skipped), by reason
 * @param timings durations and start times
 * @param histogram the histogram, or null without durations
 * @param durationFacts median, 90th and 99th percentile, longest
 * @param durationNote what the durations leave out, or null
 */
public record ReportPage(String generated, List<String> files, String reading, String verdict, String verdictCss,
        String total, List<Tally.Segment> totals, List<Fact> facts, OuGrid grid, String ouNote, List<CellView> cells,
        List<FailureGroups.Group> failures, String failuresNotShown, List<FailureGroups.Group> unfinished,
        Timings timings, Histogram histogram, List<Fact> durationFacts, String durationNote) {

    /** Targets each cause of the whole run lists. */
    static final int KEPT_PER_CAUSE = 50;
    /** Causes the page shows. */
    static final int CAUSES_SHOWN = 30;
    /** Targets each grid cell lists. */
    static final int KEPT_PER_CELL = 10;
    /** Targets all the grid cells' lists show together; past it, cells show counts by cause only. */
    static final int CELL_TARGETS_SHOWN = 2_000;
    /** Slowest targets shown. */
    static final int SLOWEST = 15;

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    /**
     * Returns what the page calls each outcome of the run.
     *
     * @return outcome label to name, e.g. {@code FailedAssumeRole} to {@code role not assumed}
     */
    public Map<String, String> labels() {
        Map<String, String> labels = new HashMap<>();
        totals.forEach(segment -> labels.put(segment.outcome(), segment.label()));
        return labels;
    }

    /**
     * Returns the CSS class of each outcome of the run.
     *
     * @return outcome label to class, e.g. {@code Result} to {@code o-result}
     */
    public Map<String, String> styles() {
        Map<String, String> styles = new HashMap<>();
        totals.forEach(segment -> styles.put(segment.outcome(), segment.css()));
        return styles;
    }

    /**
     * A label and its value.
     *
     * @param label e.g. {@code Accounts}
     * @param value e.g. {@code 1,500}
     */
    public record Fact(String label, String value) {
    }

    /**
     * The list a grid cell links to.
     *
     * @param list the cell, with its causes
     * @param targets the targets shown (at most {@value #KEPT_PER_CELL}; none once the page's budget is spent)
     * @param notShown how many of the cell's targets that did not succeed are not shown
     */
    public record CellView(OuGrid.CellList list, List<FailureGroups.Failure> targets, int notShown) {
    }

    /**
     * Builds the page of a run.
     *
     * @param ledgers the run's records
     * @param now when the report is made
     * @return the page
     */
    static ReportPage of(Ledgers ledgers, Instant now) {
        List<LedgerRecord> records = ledgers.records();
        Tally tally = new Tally();
        FailureGroups failures = new FailureGroups(KEPT_PER_CAUSE);
        FailureGroups unfinished = new FailureGroups(KEPT_PER_CAUSE);
        for (LedgerRecord record : records) {
            tally.add(record.outcome());
            if (record.failed()) {
                failures.add(record.failure());
            } else if (record.cause() != null) {
                unfinished.add(record.failure());
            }
        }
        OuGrid grid = OuGrid.of(records, KEPT_PER_CELL);
        Timings timings = Timings.of(records, SLOWEST);
        List<FailureGroups.Group> causes = failures.groups();
        String notShown = null;
        if (causes.size() > CAUSES_SHOWN) {
            List<FailureGroups.Group> rest = causes.subList(CAUSES_SHOWN, causes.size());
            notShown = "… and " + Tally.number(rest.stream().mapToInt(FailureGroups.Group::count).sum())
                    + " more failed targets of " + Tally.number(rest.size()) + " other causes, each smaller than those above.";
            causes = causes.subList(0, CAUSES_SHOWN);
        }
        return new ReportPage(TIME.format(now), ledgers.files().stream().map(Object::toString).toList(),
                reading(ledgers), verdict(tally), verdictCss(tally), Tally.number(tally.total()),
                tally.segments(true), facts(records, grid, timings), grid, ouNote(records), cellViews(grid), causes,
                notShown,
                unfinished.groups(), timings, Histogram.of(timings.buckets()), durationFacts(timings),
                durationNote(timings));
    }

    private static String verdict(Tally tally) {
        if (tally.total() == 0) {
            return "The ledger holds no target.";
        }
        int succeeded = tally.count(LedgerRecord.RESULT);
        if (succeeded == tally.total()) {
            return "All " + Tally.number(tally.total()) + " targets succeeded.";
        }
        StringBuilder text = new StringBuilder(Tally.number(succeeded)).append(" of ")
                .append(Tally.number(tally.total())).append(" targets succeeded");
        if (tally.failed() > 0) {
            text.append(" · ").append(Tally.number(tally.failed())).append(" failed");
        }
        if (tally.unfinished() > 0) {
            text.append(" · ").append(Tally.number(tally.unfinished())).append(" did not finish");
        }
        return text.append('.').toString();
    }

    private static String verdictCss(Tally tally) {
        if (tally.failed() > 0) {
            return "failed";
        }
        return tally.unfinished() > 0 ? "unfinished" : "ok";
    }

    private static String reading(Ledgers ledgers) {
        StringBuilder text = new StringBuilder(Tally.number(ledgers.lines()))
                .append(ledgers.lines() == 1 ? " record" : " records");
        if (ledgers.replaced() > 0) {
            text.append(", of which ").append(Tally.number(ledgers.replaced()))
                    .append(" replaced by a later record of the same account and region");
        }
        if (ledgers.cutLines() > 0) {
            text.append("; ").append(Tally.number(ledgers.cutLines()))
                    .append(" cut-off last line left out (the run was killed while writing it)");
        }
        return text.toString();
    }

    private static List<Fact> facts(List<LedgerRecord> records, OuGrid grid, Timings timings) {
        List<Fact> facts = new ArrayList<>();
        facts.add(new Fact("Accounts", Tally.number(records.stream().map(LedgerRecord::id).distinct().count())));
        facts.add(new Fact("Regions", Tally.number(grid.regions().size())));
        long ous = grid.rows().stream().filter(row -> !row.path().equals(OuGrid.UNKNOWN) && row.depth() > 0).count();
        facts.add(new Fact("OUs", ous == 0 ? "unknown" : Tally.number(ous)));
        if (timings.start() != null) {
            facts.add(new Fact("Wall time", Timings.format(Duration.between(timings.start(), timings.end()).toMillis())));
            facts.add(new Fact("Started", TIME.format(timings.start())));
            facts.add(new Fact("Ended", TIME.format(timings.end())));
        } else {
            facts.add(new Fact("Wall time", "unknown: no record carries StartedAt"));
        }
        return facts;
    }

    private static String ouNote(List<LedgerRecord> records) {
        long without = records.stream().filter(record -> record.ouPath() == null).count();
        if (without == 0) {
            return null;
        }
        if (without == records.size()) {
            return "No record carries OuPath (the ledger was written by a cove that did not record OUs), so every"
                    + " account is under “" + OuGrid.UNKNOWN + "”.";
        }
        return Tally.number(without) + (without == 1 ? " record carries" : " records carry") + " no OuPath: counted"
                + " under “" + OuGrid.UNKNOWN + "”.";
    }

    private static List<CellView> cellViews(OuGrid grid) {
        List<CellView> views = new ArrayList<>();
        int budget = CELL_TARGETS_SHOWN;
        for (OuGrid.CellList list : grid.lists()) {
            List<FailureGroups.Failure> targets = new ArrayList<>();
            int all = 0;
            for (FailureGroups.Group cause : list.causes()) {
                all += cause.count();
                for (FailureGroups.Failure failure : cause.kept()) {
                    if (targets.size() < KEPT_PER_CELL && budget > 0) {
                        targets.add(failure);
                        budget--;
                    }
                }
            }
            views.add(new CellView(list, targets, all - targets.size()));
        }
        return views;
    }

    private static List<Fact> durationFacts(Timings timings) {
        long[] p = timings.percentiles();
        if (p.length == 0) {
            return List.of();
        }
        return List.of(new Fact("Median", Timings.format(p[0])), new Fact("90th percentile", Timings.format(p[1])),
                new Fact("99th percentile", Timings.format(p[2])), new Fact("Longest", Timings.format(p[3])));
    }

    private static String durationNote(Timings timings) {
        if (timings.timed() == 0 && timings.untimed() > 0) {
            return "No record carries DurationMs (the ledger was written by a cove that did not record durations),"
                    + " so there is no histogram and no list of the slowest targets.";
        }
        List<String> parts = new ArrayList<>();
        if (timings.untimed() > 0) {
            parts.add(Tally.number(timings.untimed()) + (timings.untimed() == 1 ? " record" : " records")
                    + " without DurationMs");
        }
        if (timings.neverRan() > 0) {
            parts.add(Tally.number(timings.neverRan()) + " skipped " + (timings.neverRan() == 1 ? "target" : "targets")
                    + " (never ran)");
        }
        if (parts.isEmpty()) {
            return null;
        }
        return "Durations of " + Tally.number(timings.timed()) + (timings.timed() == 1 ? " target" : " targets")
                + "; left out: " + String.join(", ", parts) + ".";
    }
}
