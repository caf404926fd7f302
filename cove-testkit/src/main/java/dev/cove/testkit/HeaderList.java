package dev.cove.testkit;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** HTTP header fields in arrival order, looked up case-insensitively. Not thread-safe. */
final class HeaderList {

    private final List<Map.Entry<String, String>> fields = new ArrayList<>();

    void add(String name, String value) {
        fields.add(Map.entry(name, value));
    }

    /** Returns the first value of {@code name}, or null. */
    String get(String name) {
        for (Map.Entry<String, String> field : fields) {
            if (field.getKey().equalsIgnoreCase(name)) {
                return field.getValue();
            }
        }
        return null;
    }

    boolean contains(String name) {
        return get(name) != null;
    }

    /** Returns true if any value of {@code name}, split at commas, equals {@code token}. */
    boolean hasToken(String name, String token) {
        for (Map.Entry<String, String> field : fields) {
            if (field.getKey().equalsIgnoreCase(name)) {
                for (String part : field.getValue().split(",")) {
                    if (part.strip().equalsIgnoreCase(token)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    void remove(String name) {
        fields.removeIf(field -> field.getKey().equalsIgnoreCase(name));
    }

    void set(String name, String value) {
        remove(name);
        add(name, value);
    }

    List<Map.Entry<String, String>> fields() {
        return fields;
    }

    /** Returns a copy without hop-by-hop and framing fields, which the proxy sets itself. */
    HeaderList withoutHopByHop() {
        HeaderList copy = new HeaderList();
        for (Map.Entry<String, String> field : fields) {
            if (!HOP_BY_HOP.contains(field.getKey().toLowerCase(Locale.ROOT))) {
                copy.add(field.getKey(), field.getValue());
            }
        }
        return copy;
    }

    private static final List<String> HOP_BY_HOP = List.of("connection", "keep-alive",
            "proxy-connection", "proxy-authenticate", "proxy-authorization", "te", "trailer",
            "transfer-encoding", "upgrade", "content-length", "expect");
}
