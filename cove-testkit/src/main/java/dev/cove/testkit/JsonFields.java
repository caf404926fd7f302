package dev.cove.testkit;

import java.util.LinkedHashMap;
import java.util.Map;

/** Extracts the top-level string fields of a JSON object, leniently: malformed input yields what was read. */
final class JsonFields {

    private final String json;
    private int pos;

    private JsonFields(String json) {
        this.json = json;
    }

    static Map<String, String> topLevelStrings(String json) {
        Map<String, String> fields = new LinkedHashMap<>();
        try {
            new JsonFields(json).readObject(fields);
        } catch (IllegalArgumentException | IndexOutOfBoundsException malformed) {
            // keep the fields read so far
        }
        return fields;
    }

    private void readObject(Map<String, String> fields) {
        skipWhitespace();
        expect('{');
        skipWhitespace();
        if (peek() == '}') {
            return;
        }
        while (true) {
            skipWhitespace();
            String key = readString();
            skipWhitespace();
            expect(':');
            skipWhitespace();
            if (peek() == '"') {
                fields.put(key, readString());
            } else {
                skipValue();
            }
            skipWhitespace();
            char next = json.charAt(pos++);
            if (next == '}') {
                return;
            }
            if (next != ',') {
                throw new IllegalArgumentException("expected ',' or '}' at " + (pos - 1));
            }
        }
    }

    private void skipValue() {
        char first = peek();
        if (first == '{' || first == '[') {
            int depth = 0;
            do {
                char c = peek();
                if (c == '"') {
                    readString();
                    continue;
                }
                if (c == '{' || c == '[') {
                    depth++;
                } else if (c == '}' || c == ']') {
                    depth--;
                }
                pos++;
            } while (depth > 0);
            return;
        }
        while (pos < json.length() && ",}] \t\r\n".indexOf(json.charAt(pos)) < 0) {
            pos++;
        }
    }

    private String readString() {
        expect('"');
        StringBuilder value = new StringBuilder();
        while (true) {
            char c = json.charAt(pos++);
            if (c == '"') {
                return value.toString();
            }
            if (c != '\\') {
                value.append(c);
                continue;
            }
            char escaped = json.charAt(pos++);
            switch (escaped) {
                case 'n' -> value.append('\n');
                case 't' -> value.append('\t');
                case 'r' -> value.append('\r');
                case 'b' -> value.append('\b');
                case 'f' -> value.append('\f');
                case 'u' -> {
                    value.append((char) Integer.parseInt(json.substring(pos, pos + 4), 16));
                    pos += 4;
                }
                default -> value.append(escaped);
            }
        }
    }

    private void expect(char expected) {
        if (json.charAt(pos) != expected) {
            throw new IllegalArgumentException("expected '" + expected + "' at " + pos);
        }
        pos++;
    }

    private char peek() {
        return json.charAt(pos);
    }

    private void skipWhitespace() {
        while (pos < json.length() && Character.isWhitespace(json.charAt(pos))) {
            pos++;
        }
    }
}
