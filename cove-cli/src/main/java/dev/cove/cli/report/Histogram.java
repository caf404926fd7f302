package dev.cove.cli.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The geometry of the duration histogram, drawn as inline SVG by the template: one bar per bucket, stacked by
 * outcome, a label under each bucket's lower bound, and a count axis.
 *
 * @param width the drawing's width
 * @param height the drawing's height
 * @param bars the bars' rectangles, each with a tooltip
 * @param labels the axis labels
 * @param lines the axis and grid lines
 */
public record Histogram(int width, int height, List<Rect> bars, List<Label> labels, List<Line> lines) {

    private static final int WIDTH = 760;
    private static final int HEIGHT = 230;
    private static final int LEFT = 56;
    private static final int RIGHT = 24;
    private static final int TOP = 12;
    private static final int BOTTOM = 40;
    private static final double GAP = 3;

    /**
     * A rectangle of one outcome in one bar.
     *
     * @param x left
     * @param y top
     * @param w width
     * @param h height
     * @param css the outcome's CSS class
     * @param title the tooltip
     */
    public record Rect(String x, String y, String w, String h, String css, String title) {
    }

    /**
     * A text on an axis.
     *
     * @param x its anchor's x
     * @param y its baseline
     * @param text the text
     * @param anchor {@code start}, {@code middle} or {@code end}
     */
    public record Label(String x, String y, String text, String anchor) {
    }

    /**
     * A line of the axes.
     *
     * @param x1 start x
     * @param y1 start y
     * @param x2 end x
     * @param y2 end y
     * @param css {@code axis} or {@code grid}
     */
    public record Line(String x1, String y1, String x2, String y2, String css) {
    }

    /**
     * Draws the buckets.
     *
     * @param buckets the buckets, shortest first
     * @return the drawing, or null without buckets
     */
    static Histogram of(List<Timings.Bucket> buckets) {
        if (buckets.isEmpty()) {
            return null;
        }
        int most = Math.max(1, buckets.stream().mapToInt(bucket -> bucket.tally().total()).max().orElse(1));
        long step = step(most);
        long highest = step * (long) Math.ceil((double) most / step);
        double plotWidth = WIDTH - LEFT - RIGHT;
        double plotHeight = HEIGHT - TOP - BOTTOM;
        double barWidth = plotWidth / buckets.size();
        double bottom = TOP + plotHeight;
        List<Rect> bars = new ArrayList<>();
        List<Label> labels = new ArrayList<>();
        List<Line> lines = new ArrayList<>();
        for (long value = step; value <= highest; value += step) {
            double y = bottom - plotHeight * value / highest;
            lines.add(new Line(n(LEFT), n(y), n(WIDTH - RIGHT), n(y), "grid"));
            labels.add(new Label(n(LEFT - 6), n(y + 4), Tally.number(value), "end"));
        }
        labels.add(new Label(n(LEFT - 6), n(bottom + 4), "0", "end"));
        for (int i = 0; i < buckets.size(); i++) {
            Timings.Bucket bucket = buckets.get(i);
            double x = LEFT + i * barWidth;
            double y = bottom;
            String title = bucket.from() + " – " + bucket.to() + ": " + tooltip(bucket.tally());
            for (Tally.Segment segment : bucket.tally().segments(false)) {
                double h = plotHeight * segment.count() / highest;
                y -= h;
                bars.add(new Rect(n(x + GAP / 2), n(y), n(Math.max(1, barWidth - GAP)), n(h), segment.css(), title));
            }
            labels.add(new Label(n(x), n(bottom + 16), bucket.from(), i == 0 ? "start" : "middle"));
            if (bucket.tally().total() > 0) {
                labels.add(new Label(n(x + barWidth / 2), n(y - 4), Tally.number(bucket.tally().total()), "middle"));
            }
        }
        labels.add(new Label(n(WIDTH - RIGHT), n(bottom + 16), buckets.get(buckets.size() - 1).to(), "end"));
        labels.add(new Label(n(LEFT + plotWidth / 2), n(HEIGHT - 4), "duration of a target (each bar: from – to)",
                "middle"));
        lines.add(new Line(n(LEFT), n(bottom), n(WIDTH - RIGHT), n(bottom), "axis"));
        return new Histogram(WIDTH, HEIGHT, bars, labels, lines);
    }

    /** A round step for the count axis (1, 2 or 5 times a power of ten) that gives it two to five lines. */
    private static long step(int highest) {
        long step = 1;
        while (true) {
            for (long factor : new long[] {1, 2, 5}) {
                if (highest <= step * factor * 5) {
                    return step * factor;
                }
            }
            step *= 10;
        }
    }

    private static String tooltip(Tally tally) {
        StringBuilder text = new StringBuilder(Tally.number(tally.total()))
                .append(tally.total() == 1 ? " target" : " targets");
        for (Tally.Segment segment : tally.segments(false)) {
            text.append(", ").append(segment.shown()).append(' ').append(segment.label());
        }
        return text.toString();
    }

    private static String n(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
