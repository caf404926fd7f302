package dev.cove.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes results: one Markdown section per backend in {@code benchmarks.md} (between markers, so text
 * around them is kept) and the rows of {@code benchmarks.csv} (rows of other backends are kept).
 */
public final class Report {

    private final Path markdown;
    private final Path csv;

    /**
     * Prepares a report in a directory.
     *
     * @param dir the directory of {@code benchmarks.md} and {@code benchmarks.csv}
     */
    public Report(Path dir) {
        this.markdown = dir.resolve("benchmarks.md");
        this.csv = dir.resolve("benchmarks.csv");
    }

    /**
     * Replaces one backend's results.
     *
     * @param backend the backend's name
     * @param results its runs
     * @param context how the runs were made: machine, load, settings
     * @throws IOException when a file cannot be written
     */
    public void write(String backend, List<BenchResult> results, RunContext context) throws IOException {
        Files.createDirectories(markdown.getParent());
        MarkdownSections.replace(markdown, backend, section(backend, results, context));
        writeCsv(backend, results);
    }

    private String section(String backend, List<BenchResult> results, RunContext context) {
        StringBuilder out = new StringBuilder();
        out.append("### Backend: ").append(backend).append("\n\n");
        out.append("- Run: ").append(ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME.withLocale(Locale.ROOT)))
                .append(", command `").append(context.command()).append("`\n");
        Machine m = context.machine();
        out.append("- Machine: ").append(m.processors()).append(" processors (nproc), ")
                .append(Math.round(m.memoryBytes() / (1024.0 * 1024 * 1024))).append(" GiB memory, ")
                .append(m.cpuModel()).append("; ").append(m.os()).append("\n");
        out.append("- JDK: ").append(m.jdk()).append("\n");
        out.append(String.format(Locale.ROOT, "- Load average (1 min): %.2f before the runs, %.2f after%n",
                context.loadBefore(), context.loadAfter()));
        out.append("- Backend: ").append(context.backendDescription()).append("\n");
        out.append("- Child JVM per run: `").append(String.join(" ", context.jvmFlags())).append("`\n");
        out.append("- Function: `session.client(StsClient.builder()).getCallerIdentity().account()`, checked "
                + "against the target's account; Cove with `endpointOverride`, static `assumingCredentials`, "
                + "`assumingRegion(us-east-1)`, `progress(false)`\n\n");
        out.append("| accounts × regions | workers | wall s | first result s | discovery s | requests: total (AssumeRole / "
                + "GetCallerIdentity / ListAccounts / other Organizations / other) | ideal s | efficiency | after discovery "
                + "| peak in flight | connections | peak heap MB | peak RSS MB | run CPU s | CPU ms/target "
                + "| JVM CPU s: JIT / GC / targets | backend CPU s "
                + "| load (busy) | ok |\n");
        out.append("|---|--:|--:|--:|--:|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|:-:|\n");
        for (BenchResult r : results) {
            Map<String, Object> c = r.columns();
            out.append(String.format(Locale.ROOT,
                    "| %s × %s | %s | %.2f | %.2f | %.2f | %s (%s / %s / %s / %s / %s) | %.2f | **%.2f** | %.2f | %s | %s "
                            + "| %.0f | %.0f | %.2f | %.3f | %.1f / %.1f / %.1f | %.2f | %.2f (%.0f %%) | %s |%n",
                    c.get("accounts"), c.get("regions"), c.get("workers"), r.wallSeconds(),
                    r.firstResultSeconds(), r.requests().discoverySeconds(), c.get("requests"), c.get("assume_role"),
                    c.get("get_caller_identity"), c.get("list_accounts"), c.get("other_organizations"),
                    c.get("other_requests"), r.idealSeconds(), r.efficiency(), r.executionEfficiency(),
                    c.get("peak_in_flight"), c.get("connections"), (Double) c.get("peak_heap_mb"),
                    (Double) c.get("peak_rss_mb"), (Double) c.get("run_cpu_s"), r.cpuMillisPerTarget(),
                    r.threads().jitSeconds(), r.threads().gcSeconds(), r.threads().carrierSeconds(),
                    r.backendCpuSeconds(), r.loadBefore(), r.busyBefore() * 100, r.correct() ? "✓" : "✗ " + c.get("first_error")));
        }
        return out.toString();
    }

    private void writeCsv(String backend, List<BenchResult> results) throws IOException {
        List<Map<String, String>> rows = new ArrayList<>();
        List<String> header = new ArrayList<>(results.get(0).columns().keySet());
        if (Files.exists(csv)) {
            List<String> lines = Files.readAllLines(csv);
            if (!lines.isEmpty()) {
                List<String> oldHeader = Csv.split(lines.get(0));
                for (String line : lines.subList(1, lines.size())) {
                    List<String> cells = Csv.split(line);
                    Map<String, String> row = new LinkedHashMap<>();
                    for (int i = 0; i < oldHeader.size() && i < cells.size(); i++) {
                        row.put(oldHeader.get(i), cells.get(i));
                    }
                    if (!backend.equals(row.get("backend"))) {
                        rows.add(row);
                    }
                }
            }
        }
        for (BenchResult r : results) {
            Map<String, String> row = new LinkedHashMap<>();
            r.columns().forEach((k, v) -> row.put(k, v == null ? "" : v.toString()));
            rows.add(row);
        }
        StringBuilder out = new StringBuilder(Csv.join(header)).append('\n');
        for (Map<String, String> row : rows) {
            List<String> cells = new ArrayList<>();
            for (String column : header) {
                cells.add(row.getOrDefault(column, ""));
            }
            out.append(Csv.join(cells)).append('\n');
        }
        Files.writeString(csv, out.toString());
    }

    /**
     * How a set of runs was made.
     *
     * @param command the command line that made them
     * @param machine the machine
     * @param loadBefore the load average before the first run
     * @param loadAfter the load average after the last run
     * @param backendDescription what the backend was
     * @param jvmFlags the child JVM's flags
     */
    public record RunContext(String command, Machine machine, double loadBefore, double loadAfter,
            String backendDescription, List<String> jvmFlags) {
    }
}
