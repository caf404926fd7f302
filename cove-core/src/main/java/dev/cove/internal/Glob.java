package dev.cove.internal;

import java.util.regex.Pattern;

/**
 * Globs as the selection options take them: {@code *} matches any run of characters, {@code ?} one character,
 * everything else itself. In OU paths {@code *} and {@code ?} stay within one OU name and a whole segment
 * {@code **} matches any number of OUs (none included).
 */
final class Glob {

    private Glob() {
    }

    /**
     * Returns whether a value is a pattern rather than a literal.
     *
     * @param value the value
     * @return true when it holds {@code *} or {@code ?}
     */
    static boolean isPattern(String value) {
        return value.indexOf('*') >= 0 || value.indexOf('?') >= 0;
    }

    /**
     * Compiles a glob over plain text.
     *
     * @param glob the glob
     * @return a pattern that matches exactly what the glob matches
     */
    static Pattern compile(String glob) {
        return Pattern.compile(regex(glob, ".*", "."));
    }

    /**
     * Compiles a glob over OU paths. The pattern and the paths it is matched against are canonical: the root is
     * the empty string, other OUs {@code /Name/Name}; see {@link #canonicalPath}.
     *
     * @param glob an OU path glob starting with {@code /}, e.g. {@code /Prod/**}
     * @return the pattern
     */
    static Pattern compileOuPath(String glob) {
        StringBuilder regex = new StringBuilder();
        for (String segment : OuPath.segments(glob)) {
            if (segment.equals("**")) {
                regex.append("(?:/[^/]+)*");
            } else {
                regex.append('/').append(regex(segment, "[^/]*", "[^/]"));
            }
        }
        return Pattern.compile(regex.toString());
    }

    /**
     * Returns an OU path as the OU-path patterns match it: the root {@code /} becomes the empty string.
     *
     * @param path an OU path such as {@code /} or {@code /Prod/Web}
     * @return the canonical form
     */
    static String canonicalPath(String path) {
        return path.equals("/") ? "" : path;
    }

    private static String regex(String glob, String star, String question) {
        StringBuilder regex = new StringBuilder();
        StringBuilder literal = new StringBuilder();
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (c == '*' || c == '?') {
                if (literal.length() > 0) {
                    regex.append(Pattern.quote(literal.toString()));
                    literal.setLength(0);
                }
                regex.append(c == '*' ? star : question);
            } else {
                literal.append(c);
            }
        }
        if (literal.length() > 0) {
            regex.append(Pattern.quote(literal.toString()));
        }
        return regex.toString();
    }
}
