package dev.cove.testkit;

import java.util.Objects;

/** Normalizes OU paths such as {@code /prod/web/} to {@code prod/web}; the root is {@code ""}. */
final class OuPaths {

    private OuPaths() {
    }

    static String normalize(String path) {
        Objects.requireNonNull(path, "path");
        String trimmed = path.strip();
        int start = 0;
        int end = trimmed.length();
        while (start < end && trimmed.charAt(start) == '/') {
            start++;
        }
        while (end > start && trimmed.charAt(end - 1) == '/') {
            end--;
        }
        return trimmed.substring(start, end);
    }

    static String child(String parentPath, String name) {
        return parentPath.isEmpty() ? name : parentPath + "/" + name;
    }

    static String parent(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash);
    }
}
