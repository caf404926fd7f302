package dev.cove.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * The top of a JFR recording: CPU samples ({@code jdk.ExecutionSample}) by the method on top of the stack
 * (self) and by every method on the stack (inclusive), with the most common stack of the top self
 * methods, and allocation ({@code jdk.ObjectAllocationSample}) by allocating site.
 *
 * @param samples CPU samples in the recording
 * @param self samples per method on top of the stack, most first
 * @param inclusive samples per method anywhere on the stack, most first
 * @param selfStacks the most common stack excerpt of each of the top self methods
 * @param allocationBytes sampled allocation per allocating site (first frame outside {@code java.}), most first
 * @param phases CPU samples per step of a target and part of the SDK (see {@link SamplePhase}), most first
 * @param steps CPU samples per step of a target, most first
 */
public record JfrProfile(long samples, Map<String, Long> self, Map<String, Long> inclusive,
        Map<String, String> selfStacks, Map<String, Long> allocationBytes, Map<String, Long> phases,
        Map<String, Long> steps) {

    private static final int STACK_DEPTH = 14;

    /**
     * Reads a recording.
     *
     * @param recording the {@code .jfr} file
     * @param top how many entries to keep per list
     * @return the summary
     * @throws IOException when the file cannot be read
     */
    public static JfrProfile read(Path recording, int top) throws IOException {
        Map<String, Long> self = new HashMap<>();
        Map<String, Long> inclusive = new HashMap<>();
        Map<String, Map<String, Long>> stacksBySelf = new HashMap<>();
        Map<String, Long> allocation = new HashMap<>();
        Map<String, Long> phases = new HashMap<>();
        Map<String, Long> steps = new HashMap<>();
        long samples = 0;
        try (RecordingFile file = new RecordingFile(recording)) {
            while (file.hasMoreEvents()) {
                RecordedEvent event = file.readEvent();
                String type = event.getEventType().getName();
                RecordedStackTrace stack = event.getStackTrace();
                if (stack == null || stack.getFrames().isEmpty()) {
                    continue;
                }
                List<RecordedFrame> frames = stack.getFrames();
                if (type.equals("jdk.ExecutionSample")) {
                    samples++;
                    List<String> names = frames.stream().map(JfrProfile::name).toList();
                    String phase = SamplePhase.of(names);
                    phases.merge(phase, 1L, Long::sum);
                    steps.merge(phase.substring(0, phase.indexOf(" / ")), 1L, Long::sum);
                    String topMethod = name(frames.get(0));
                    self.merge(topMethod, 1L, Long::sum);
                    Set<String> seen = new HashSet<>();
                    for (RecordedFrame frame : frames) {
                        String method = name(frame);
                        if (seen.add(method)) {
                            inclusive.merge(method, 1L, Long::sum);
                        }
                    }
                    stacksBySelf.computeIfAbsent(topMethod, m -> new HashMap<>())
                            .merge(excerpt(frames), 1L, Long::sum);
                } else if (type.equals("jdk.ObjectAllocationSample")) {
                    allocation.merge(allocationSite(frames), event.getLong("weight"), Long::sum);
                }
            }
        }
        Map<String, Long> topSelf = top(self, top);
        Map<String, String> selfStacks = new LinkedHashMap<>();
        int n = 0;
        for (String method : topSelf.keySet()) {
            if (n++ >= 5) {
                break;
            }
            selfStacks.put(method, top(stacksBySelf.get(method), 1).keySet().iterator().next());
        }
        return new JfrProfile(samples, topSelf, top(inclusive, top), selfStacks, top(allocation, top),
                top(phases, 2 * top), top(steps, top));
    }

    private static String name(RecordedFrame frame) {
        return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
    }

    private static String excerpt(List<RecordedFrame> frames) {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < Math.min(STACK_DEPTH, frames.size()); i++) {
            lines.add(name(frames.get(i)) + ":" + frames.get(i).getLineNumber());
        }
        return String.join("\n", lines);
    }

    /** The allocating method and, when that is the JDK's, the first caller outside the JDK. */
    private static String allocationSite(List<RecordedFrame> frames) {
        String first = name(frames.get(0));
        for (RecordedFrame frame : frames) {
            String method = name(frame);
            if (!method.startsWith("java.") && !method.startsWith("jdk.") && !method.startsWith("sun.")) {
                return method.equals(first) ? first : first + " ← " + method;
            }
        }
        return first;
    }

    private static Map<String, Long> top(Map<String, Long> counts, int n) {
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .limit(n)
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, LinkedHashMap::new));
    }
}
