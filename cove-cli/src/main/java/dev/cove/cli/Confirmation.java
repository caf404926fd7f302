package dev.cove.cli;

import dev.cove.CoveTarget;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The question {@code cove exec} asks on a terminal before it starts in more than one account:
 * {@code Run COMMAND in N accounts × R regions? [y/N]}. Only {@code y} or {@code yes} (any case) answers yes; an
 * empty line, anything else or the end of input is no.
 */
final class Confirmation {

    private Confirmation() {
    }

    /**
     * Returns whether the plan needs the question: more than one account.
     *
     * @param targets the plan
     * @return true for two accounts or more
     */
    static boolean needed(List<CoveTarget> targets) {
        return targets.stream().map(CoveTarget::id).distinct().limit(2).count() > 1;
    }

    /**
     * Returns the question, e.g. {@code Run 'aws s3 ls' in 5 accounts × 3 regions? [y/N] }; when the accounts run
     * in different numbers of regions, {@code in 5 accounts × 1–7 regions (23 targets)}.
     *
     * @param command the program and its arguments
     * @param targets the plan
     * @return the question
     */
    static String question(List<String> command, List<CoveTarget> targets) {
        Map<String, Long> regionsPerAccount = targets.stream()
                .collect(Collectors.groupingBy(CoveTarget::id, TreeMap::new, Collectors.counting()));
        long fewest = regionsPerAccount.values().stream().mapToLong(Long::longValue).min().orElse(0);
        long most = regionsPerAccount.values().stream().mapToLong(Long::longValue).max().orElse(0);
        String regions = fewest == most ? fewest + (most == 1 ? " region" : " regions")
                : fewest + "–" + most + " regions (" + targets.size() + " targets)";
        return "Run " + shellWords(command) + " in " + regionsPerAccount.size() + " accounts × " + regions
                + "? [y/N] ";
    }

    /**
     * Asks the question on the terminal and reads the answer.
     *
     * @param question the question
     * @param err where to ask it (stderr, which the records never use)
     * @param in where the answer comes from
     * @return true when the answer is yes
     * @throws IOException when the terminal cannot be read
     */
    static boolean ask(String question, PrintWriter err, InputStream in) throws IOException {
        err.print(question);
        err.flush();
        String answer = new BufferedReader(new InputStreamReader(in, Charset.defaultCharset())).readLine();
        if (answer == null) {
            err.println();
            err.flush();
        }
        String word = answer == null ? "" : answer.strip().toLowerCase(Locale.ROOT);
        return word.equals("y") || word.equals("yes");
    }

    /** The command as a shell would take it back: each word quoted when it holds anything but plain characters. */
    private static String shellWords(List<String> command) {
        return command.stream()
                .map(word -> word.matches("[A-Za-z0-9_./:=@%+,-]+") ? word : "'" + word.replace("'", "'\\''") + "'")
                .collect(Collectors.joining(" "));
    }
}
