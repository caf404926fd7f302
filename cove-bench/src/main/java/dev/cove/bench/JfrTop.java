package dev.cove.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/** Prints the top of a JFR recording (see {@link JfrProfile}): {@code JfrTop FILE.jfr [TOP]}. */
public final class JfrTop {

    private JfrTop() {
    }

    /**
     * Prints the summary.
     *
     * @param args the recording, and optionally how many entries per list
     * @throws IOException when the recording cannot be read
     */
    public static void main(String[] args) throws IOException {
        JfrProfile p = JfrProfile.read(Path.of(args[0]), args.length > 1 ? Integer.parseInt(args[1]) : 25);
        System.out.println(p.samples() + " CPU samples");
        print("steps", p.steps(), p.samples());
        print("phases", p.phases(), p.samples());
        print("self", p.self(), p.samples());
        print("inclusive", p.inclusive(), p.samples());
        for (Map.Entry<String, String> e : p.selfStacks().entrySet()) {
            System.out.println("\nstack of " + e.getKey() + ":\n" + e.getValue());
        }
        print("allocation bytes", p.allocationBytes(),
                p.allocationBytes().values().stream().mapToLong(Long::longValue).sum());
    }

    private static void print(String title, Map<String, Long> rows, long total) {
        System.out.println("\n" + title + ":");
        rows.forEach((k, v) -> System.out.printf("%10d %5.1f%%  %s%n", v, 100.0 * v / Math.max(1, total), k));
    }
}
