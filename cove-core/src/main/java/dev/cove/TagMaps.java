package dev.cove;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/** Copies of account tags that stay the same in every output: immutable, sorted by key, null kept as null. */
final class TagMaps {

    private TagMaps() {
    }

    /**
     * Returns an immutable copy of tags sorted by key, or null for null ("tags were not read").
     *
     * @param tags the tags, or null
     * @return the copy, or null
     */
    static Map<String, String> copy(Map<String, String> tags) {
        return tags == null ? null : Collections.unmodifiableMap(new TreeMap<>(tags));
    }
}
