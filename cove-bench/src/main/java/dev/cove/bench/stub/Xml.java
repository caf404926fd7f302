package dev.cove.bench.stub;

/** Escapes text for XML element content. */
final class Xml {

    private Xml() {
    }

    /**
     * Escapes the five XML special characters.
     *
     * @param text the text, may be null
     * @return the escaped text, empty for null
     */
    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&apos;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
