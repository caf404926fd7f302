package dev.cove.bench;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * CPU time of a live JVM by kind of thread, from {@code /proc/<pid>/task/*}: the JIT compilers, the
 * garbage collector and VM thread, the carrier threads of virtual threads (where Cove's targets and the
 * SDK run), the main thread, and everything else.
 *
 * @param jitSeconds C1 and C2 compiler threads
 * @param gcSeconds garbage collection and VM operations
 * @param carrierSeconds carrier threads of virtual threads
 * @param mainSeconds the main thread (discovery and scheduling run there)
 * @param otherSeconds every other thread
 */
public record ThreadCpu(double jitSeconds, double gcSeconds, double carrierSeconds, double mainSeconds,
        double otherSeconds) {

    private static final double TICKS_PER_SECOND = 100.0;

    /**
     * Reads the threads of a live process.
     *
     * @param pid the process ID
     * @return the CPU time by kind, all zero when {@code /proc} cannot be read
     */
    public static ThreadCpu read(long pid) {
        Map<String, Double> byKind = new LinkedHashMap<>();
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc", Long.toString(pid), "task"))) {
            for (Path task : tasks) {
                try {
                    String name = Files.readString(task.resolve("comm")).trim();
                    String stat = Files.readString(task.resolve("stat"));
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    double seconds = (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS_PER_SECOND;
                    byKind.merge(kindOf(name), seconds, Double::sum);
                } catch (IOException | RuntimeException e) {
                    // the thread ended meanwhile
                }
            }
        } catch (IOException e) {
            return new ThreadCpu(0, 0, 0, 0, 0);
        }
        return new ThreadCpu(byKind.getOrDefault("jit", 0.0), byKind.getOrDefault("gc", 0.0),
                byKind.getOrDefault("carrier", 0.0), byKind.getOrDefault("main", 0.0),
                byKind.getOrDefault("other", 0.0));
    }

    private static String kindOf(String name) {
        if (name.contains("CompilerThre")) {
            return "jit";
        }
        if (name.startsWith("VM Thread") || name.startsWith("GC ") || name.startsWith("G1 ")) {
            return "gc";
        }
        if (name.startsWith("ForkJoinPool-")) {
            return "carrier";
        }
        if (name.equals("main") || name.equals("java")) {
            return "main";
        }
        return "other";
    }
}
