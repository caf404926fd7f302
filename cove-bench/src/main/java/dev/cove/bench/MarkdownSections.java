package dev.cove.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Replaces generated sections of a Markdown file, each between {@code <!-- bench:NAME:begin -->} and
 * {@code <!-- bench:NAME:end -->}, and keeps everything else (the hand-written analysis) as it is.
 */
final class MarkdownSections {

    private MarkdownSections() {
    }

    /**
     * Replaces a section, or appends it when the file does not have it yet.
     *
     * @param file the Markdown file; created when missing
     * @param name the section's name
     * @param content the section's new content
     * @throws IOException when the file cannot be read or written
     */
    static void replace(Path file, String name, String content) throws IOException {
        String begin = "<!-- bench:" + name + ":begin -->";
        String end = "<!-- bench:" + name + ":end -->";
        String block = begin + "\n" + content + end;
        if (file.getParent() != null) {
            Files.createDirectories(file.getParent());
        }
        String text = Files.exists(file) ? Files.readString(file) : "# Benchmarks\n";
        int from = text.indexOf(begin);
        int to = text.indexOf(end);
        if (from >= 0 && to > from) {
            text = text.substring(0, from) + block + text.substring(to + end.length());
        } else {
            text = text.stripTrailing() + "\n\n" + block + "\n";
        }
        Files.writeString(file, text);
    }
}
