package dev.cove.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * OU paths: the OU names from the root down, each after a {@code /}; {@code /} alone is the root. A name that
 * holds a {@code /} cannot be written as a path (use the OU's ID).
 */
final class OuPath {

    /** The root's path. */
    static final String ROOT = "/";

    private OuPath() {
    }

    /**
     * Returns whether a value is written as an OU path.
     *
     * @param value a selection value
     * @return true when it starts with {@code /}
     */
    static boolean isPath(String value) {
        return value != null && value.startsWith("/");
    }

    /**
     * Checks a path and returns it without a trailing {@code /}.
     *
     * @param path the path as given
     * @return the path, e.g. {@code /Prod/Web}
     * @throws IllegalArgumentException naming the empty segment when the path has one, e.g. {@code /Prod//Web}
     */
    static String normalize(String path) {
        String trimmed = path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        if (trimmed.length() > 1 && trimmed.substring(1).contains("//") || trimmed.startsWith("//")) {
            throw new IllegalArgumentException("an OU path names one OU after each '/', and "
                    + Ids.quote(path) + " has an empty name; write it like /Prod/Web");
        }
        return trimmed;
    }

    /**
     * Returns the OU names of a path, from the root down.
     *
     * @param path a normalized path
     * @return the names; empty for the root
     */
    static List<String> segments(String path) {
        List<String> names = new ArrayList<>();
        if (path.equals(ROOT)) {
            return names;
        }
        for (String name : path.substring(1).split("/", -1)) {
            names.add(name);
        }
        return names;
    }

    /**
     * Returns the path of a child OU.
     *
     * @param parent the parent's path
     * @param name the child's name
     * @return the child's path
     */
    static String child(String parent, String name) {
        return parent.equals(ROOT) ? ROOT + name : parent + "/" + name;
    }
}
