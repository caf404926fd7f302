package dev.cove.internal;

/** A minimal JSON well-formedness check, so a malformed session policy fails before any role is assumed. */
final class JsonSyntax {

    private final String text;
    private int pos;

    private JsonSyntax(String text) {
        this.text = text;
    }

    /**
     * Returns what is wrong with a JSON text, or null when it is well-formed.
     *
     * @param text the text to check
     * @return a short description with the character position, or null
     */
    static String problem(String text) {
        JsonSyntax parser = new JsonSyntax(text);
        try {
            parser.value();
            parser.skipWhitespace();
            if (parser.pos != text.length()) {
                throw parser.error("unexpected text after the document");
            }
            return null;
        } catch (IllegalStateException e) {
            return e.getMessage();
        }
    }

    private void value() {
        skipWhitespace();
        if (pos >= text.length()) {
            throw error("unexpected end");
        }
        char c = text.charAt(pos);
        switch (c) {
            case '{' -> object();
            case '[' -> array();
            case '"' -> string();
            case 't' -> literal("true");
            case 'f' -> literal("false");
            case 'n' -> literal("null");
            default -> number();
        }
    }

    private void object() {
        pos++;
        skipWhitespace();
        if (peek() == '}') {
            pos++;
            return;
        }
        while (true) {
            skipWhitespace();
            if (peek() != '"') {
                throw error("expected a quoted key");
            }
            string();
            skipWhitespace();
            expect(':');
            value();
            skipWhitespace();
            if (peek() == ',') {
                pos++;
            } else {
                expect('}');
                return;
            }
        }
    }

    private void array() {
        pos++;
        skipWhitespace();
        if (peek() == ']') {
            pos++;
            return;
        }
        while (true) {
            value();
            skipWhitespace();
            if (peek() == ',') {
                pos++;
            } else {
                expect(']');
                return;
            }
        }
    }

    private void string() {
        pos++;
        while (pos < text.length()) {
            char c = text.charAt(pos++);
            if (c == '"') {
                return;
            }
            if (c == '\\') {
                pos++;
            } else if (c < 0x20) {
                throw error("control character in string");
            }
        }
        throw error("unterminated string");
    }

    private void literal(String word) {
        if (!text.startsWith(word, pos)) {
            throw error("unexpected character '" + text.charAt(pos) + "'");
        }
        pos += word.length();
    }

    private void number() {
        int start = pos;
        while (pos < text.length() && "+-0123456789.eE".indexOf(text.charAt(pos)) >= 0) {
            pos++;
        }
        if (start == pos) {
            throw error("unexpected character '" + text.charAt(pos) + "'");
        }
    }

    private void expect(char c) {
        if (peek() != c) {
            throw error("expected '" + c + "'");
        }
        pos++;
    }

    private char peek() {
        return pos < text.length() ? text.charAt(pos) : '\0';
    }

    private void skipWhitespace() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }

    private IllegalStateException error(String what) {
        return new IllegalStateException(what + " at character " + (pos + 1));
    }
}
