package dev.cove.cli.report;

import dev.cove.cli.output.FailureGroups;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The OU × region grid: one row per OU, as a tree from the root down, one column per region. A cell counts the
 * targets of the accounts directly in its OU (an account is in one OU, so each target is in exactly one cell);
 * an OU that holds only other OUs shows as a row without targets, to keep the tree readable. Accounts whose
 * records carry no {@code OuPath} are in the last row, {@value #UNKNOWN}.
 */
public final class OuGrid {

    /** The row of accounts whose OU the ledger does not say. */
    static final String UNKNOWN = "(unknown OU)";
    /** The column of records without a region. */
    static final String NO_REGION = "(no region)";
    private static final String ROOT = "/";
    private static final Comparator<String> BY_NAME =
            Comparator.comparing((String path) -> path.toLowerCase(Locale.ROOT)).thenComparing(path -> path);

    /**
     * One cell, or a row's or column's total.
     *
     * @param anchor the id of the list of its targets that did not succeed, or null when there is none
     * @param tally its targets by outcome
     * @param title what a pointer over it says
     */
    public record Cell(String anchor, Tally tally, String title) {

        /**
         * Returns how many targets.
         *
         * @return how many targets
         */
        public int total() {
            return tally.total();
        }

        /**
         * Returns the count of targets, formatted.
         *
         * @return the count of targets, formatted
         */
        public String shownTotal() {
            return Tally.number(tally.total());
        }

        /**
         * Returns how many failed.
         *
         * @return how many failed
         */
        public int failed() {
            return tally.failed();
        }

        /**
         * Returns how many failed, formatted.
         *
         * @return how many failed, formatted
         */
        public String shownFailed() {
            return Tally.number(tally.failed());
        }

        /**
         * Returns how many neither succeeded nor failed, formatted.
         *
         * @return how many neither succeeded nor failed, formatted
         */
        public String shownUnfinished() {
            return Tally.number(tally.unfinished());
        }

        /**
         * Returns how many neither succeeded nor failed.
         *
         * @return how many neither succeeded nor failed
         */
        public int unfinished() {
            return tally.unfinished();
        }

        /**
         * Returns the cell's background: a tint of red as deep as the share of its targets that failed (of purple
         * when none failed but some did not finish), so that where a run failed shows across a large grid.
         *
         * @return a CSS colour, e.g. {@code rgba(198,40,40,0.21)}; {@code transparent} when all succeeded
         */
        public String tint() {
            int notSucceeded = tally.failed() + tally.unfinished();
            if (notSucceeded == 0) {
                return "transparent";
            }
            double alpha = 0.07 + 0.28 * notSucceeded / tally.total();
            String rgb = tally.failed() > 0 ? "198,40,40" : "106,27,154";
            return String.format(Locale.ROOT, "rgba(%s,%.2f)", rgb, alpha);
        }

        /**
         * Returns the outcomes' shares, for the cell's bar.
         *
         * @return the outcomes' shares, for the cell's bar
         */
        public List<Tally.Segment> segments() {
            return tally.segments(false);
        }
    }

    /**
     * One OU.
     *
     * @param name its name (the last part of its path), or {@code Root}, or {@value #UNKNOWN}
     * @param path its path, e.g. {@code /Prod/Web}
     * @param depth how deep it is: 0 for the root
     * @param cells one per region, in the grid's column order
     * @param total all of its targets
     */
    public record Row(String name, String path, int depth, List<Cell> cells, Cell total) {
    }

    /**
     * The targets of one cell that did not succeed, by cause, for the list a cell links to.
     *
     * @param anchor the list's id
     * @param ou the OU path
     * @param region the region
     * @param cell the cell
     * @param causes its causes
     */
    public record CellList(String anchor, String ou, String region, Cell cell, List<FailureGroups.Group> causes) {
    }

    private final List<String> regions;
    private final List<Row> rows;
    private final Row totals;
    private final List<CellList> lists;

    private OuGrid(List<String> regions, List<Row> rows, Row totals, List<CellList> lists) {
        this.regions = regions;
        this.rows = rows;
        this.totals = totals;
        this.lists = lists;
    }

    /**
     * Lays out the grid of a run.
     *
     * @param records one per target
     * @param keep how many targets each cause of a cell keeps to be listed
     * @return the grid
     */
    static OuGrid of(List<LedgerRecord> records, int keep) {
        TreeSet<String> regionSet = new TreeSet<>();
        Map<String, Map<String, List<LedgerRecord>>> byOu = new HashMap<>();
        for (LedgerRecord record : records) {
            String region = record.region() == null ? NO_REGION : record.region();
            regionSet.add(region);
            String ou = record.ouPath() == null ? UNKNOWN : record.ouPath();
            byOu.computeIfAbsent(ou, path -> new HashMap<>()).computeIfAbsent(region, r -> new ArrayList<>()).add(record);
        }
        List<String> regions = List.copyOf(regionSet);
        List<Row> rows = new ArrayList<>();
        List<CellList> lists = new ArrayList<>();
        Map<String, Tally> columnTallies = new HashMap<>();
        Tally all = new Tally();
        for (String path : treeOrder(byOu.keySet())) {
            Map<String, List<LedgerRecord>> cellsOfRow = byOu.getOrDefault(path, Map.of());
            List<Cell> cells = new ArrayList<>();
            Tally rowTally = new Tally();
            for (String region : regions) {
                List<LedgerRecord> targets = cellsOfRow.getOrDefault(region, List.of());
                Tally tally = new Tally();
                FailureGroups causes = new FailureGroups(keep);
                for (LedgerRecord record : targets) {
                    tally.add(record.outcome());
                    rowTally.add(record.outcome());
                    columnTallies.computeIfAbsent(region, r -> new Tally()).add(record.outcome());
                    all.add(record.outcome());
                    if (record.cause() != null) {
                        causes.add(record.failure());
                    }
                }
                String anchor = causes.size() == 0 ? null : "cell-" + rows.size() + "-" + cells.size();
                Cell cell = new Cell(anchor, tally, title(path, region, tally));
                cells.add(cell);
                if (anchor != null) {
                    lists.add(new CellList(anchor, path, region, cell, causes.groups()));
                }
            }
            rows.add(new Row(name(path), path, depth(path), cells, new Cell(null, rowTally, title(path, null, rowTally))));
        }
        List<Cell> columnTotals = regions.stream().map(region -> {
            Tally tally = columnTallies.getOrDefault(region, new Tally());
            return new Cell(null, tally, title(null, region, tally));
        }).toList();
        Row totals = new Row("All OUs", null, 0, columnTotals, new Cell(null, all, title(null, null, all)));
        return new OuGrid(regions, rows, totals, lists);
    }

    /**
     * Returns the columns.
     *
     * @return the regions, sorted
     */
    public List<String> regions() {
        return regions;
    }

    /**
     * Returns the rows.
     *
     * @return one per OU, parents before children
     */
    public List<Row> rows() {
        return rows;
    }

    /**
     * Returns the row of totals.
     *
     * @return each region's total, and the run's
     */
    public Row totals() {
        return totals;
    }

    /**
     * Returns the lists the cells link to.
     *
     * @return one per cell with a target that did not succeed, in grid order
     */
    public List<CellList> lists() {
        return lists;
    }

    /** Every OU path given and its ancestors, parents before children, siblings by name; the unknown OU last. */
    private static List<String> treeOrder(Iterable<String> paths) {
        Map<String, TreeSet<String>> children = new TreeMap<>();
        boolean unknown = false;
        for (String path : paths) {
            if (path.equals(UNKNOWN)) {
                unknown = true;
                continue;
            }
            String child = path;
            while (!child.equals(ROOT)) {
                String parent = parent(child);
                children.computeIfAbsent(parent, p -> new TreeSet<>(BY_NAME)).add(child);
                child = parent;
            }
            children.computeIfAbsent(ROOT, p -> new TreeSet<>(BY_NAME));
        }
        List<String> order = new ArrayList<>();
        if (children.containsKey(ROOT)) {
            addTree(ROOT, children, order);
        }
        if (unknown) {
            order.add(UNKNOWN);
        }
        return order;
    }

    private static void addTree(String path, Map<String, TreeSet<String>> children, List<String> order) {
        order.add(path);
        for (String child : children.getOrDefault(path, new TreeSet<>())) {
            addTree(child, children, order);
        }
    }

    private static String parent(String path) {
        int slash = path.lastIndexOf('/');
        return slash <= 0 ? ROOT : path.substring(0, slash);
    }

    private static String name(String path) {
        if (path.equals(ROOT)) {
            return "Root";
        }
        return path.equals(UNKNOWN) ? UNKNOWN : path.substring(path.lastIndexOf('/') + 1);
    }

    private static int depth(String path) {
        if (path.equals(ROOT) || path.equals(UNKNOWN)) {
            return 0;
        }
        return (int) path.chars().filter(c -> c == '/').count();
    }

    private static String title(String ou, String region, Tally tally) {
        StringBuilder title = new StringBuilder();
        title.append(ou == null ? "all OUs" : ou).append(" · ").append(region == null ? "all regions" : region)
                .append(": ").append(Tally.number(tally.total())).append(tally.total() == 1 ? " target" : " targets");
        for (Tally.Segment segment : tally.segments(false)) {
            title.append(", ").append(segment.shown()).append(' ').append(segment.label());
        }
        return title.toString();
    }
}
