package dev.cove.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Writes the JFR summaries of profiled runs into the {@code profile} section of {@code benchmarks.md}. */
final class ProfileReport {

    private static final int TOP = 15;

    private final Path markdown;

    ProfileReport(Path markdown) {
        this.markdown = markdown;
    }

    /**
     * Summarizes each run's recording and writes the section.
     *
     * @param results profiled runs
     * @throws IOException when a recording or the report cannot be read or written
     */
    void write(List<BenchResult> results) throws IOException {
        StringBuilder out = new StringBuilder("### JFR profiles\n\n");
        for (BenchResult result : results) {
            if (result.profile() == null) {
                continue;
            }
            JfrProfile p = JfrProfile.read(result.profile(), TOP);
            ThreadCpu t = result.threads();
            out.append("#### ").append(result.benchCase().name()).append(String.format(Locale.ROOT,
                    " (%d CPU samples of Java code; run CPU %.2f s; whole JVM by thread: JIT %.1f s, GC/VM %.1f s, "
                            + "virtual-thread carriers %.1f s, main %.1f s, other %.1f s)%n%n",
                    p.samples(), (Double) result.columns().get("run_cpu_s"), t.jitSeconds(), t.gcSeconds(),
                    t.carrierSeconds(), t.mainSeconds(), t.otherSeconds()));
            table(out, "Where the CPU samples fall, by step", p.steps(), p.samples(), "samples");
            table(out, "Where the CPU samples fall: step / part of the SDK", p.phases(), p.samples(),
                    "samples");
            table(out, "Top methods, self (on top of the stack)", p.self(), p.samples(), "samples");
            table(out, "Top methods, inclusive (anywhere on the stack)", p.inclusive(), p.samples(), "samples");
            out.append("Most common stacks of the top self methods:\n\n");
            for (Map.Entry<String, String> e : p.selfStacks().entrySet()) {
                out.append("```\n").append(e.getValue()).append("\n```\n");
            }
            long allocated = p.allocationBytes().values().stream().mapToLong(Long::longValue).sum();
            table(out, "Top allocation sites (sampled bytes)", p.allocationBytes(), allocated, "bytes");
        }
        MarkdownSections.replace(markdown, "profile", out.toString());
    }

    private static void table(StringBuilder out, String title, Map<String, Long> rows, long total, String unit) {
        String what = title.startsWith("Top") ? "method" : "step / part";
        out.append(title).append(":\n\n| ").append(unit).append(" | % | ").append(what)
                .append(" |\n|--:|--:|---|\n");
        for (Map.Entry<String, Long> e : rows.entrySet()) {
            out.append(String.format(Locale.ROOT, "| %d | %.1f | `%s` |%n", e.getValue(),
                    total == 0 ? 0 : 100.0 * e.getValue() / total, e.getKey()));
        }
        out.append('\n');
    }
}
