package dev.cove.cli;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Rewrites the library's option names in its messages into the command's, e.g. targetIds → --target-ids. */
final class OptionNames {

    private static final Map<String, String> FLAGS = Map.of(
            "targetIds", "--target-ids",
            "ignoreIds", "--ignore-ids",
            "roleName", "--role-name",
            "roleSessionName", "--role-session-name",
            "policyArns", "--policy-arns",
            "externalId", "--external-id",
            "threadWorkers", "--workers",
            "maxFailures", "--max-failures",
            "endpointOverride", "--endpoint-url");
    private static final Pattern WORD = Pattern.compile("\\b(" + String.join("|", FLAGS.keySet()) + ")\\b");
    /** Option names that are also plain words: rewritten only where a message starts with them. */
    private static final Pattern LEADING_WORD = Pattern.compile("^(regions|partition|policy|timeout)\\b");

    private OptionNames() {
    }

    /**
     * Replaces library option names with command-line flags.
     *
     * @param message the library's message
     * @return the message in the command's terms
     */
    static String translate(String message) {
        if (message == null) {
            return null;
        }
        Matcher matcher = WORD.matcher(message);
        String translated = matcher.replaceAll(match -> Matcher.quoteReplacement(FLAGS.get(match.group(1))));
        return LEADING_WORD.matcher(translated).replaceFirst("--$1");
    }
}
