package dev.cove.cli.output;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The table shows what a program printed without letting the terminal act on it. */
class TextTableTest {

    private static String table(String value) throws Exception {
        ObjectNode record = Json.object().put("Details", value);
        StringWriter out = new StringWriter();
        TextTable.write(out, List.of(new TextTable.Column("DETAILS", "Details", 100)), List.of(record));
        return out.toString().lines().skip(1).findFirst().orElseThrow();
    }

    @Test
    void write_ansiEscapes_areShownInCaretNotation() throws Exception {
        String row = table("\u001b[31mred\u001b[0m and \u001b]0;title\u0007");

        assertThat(row).isEqualTo("^[[31mred^[[0m and ^[]0;title^G");
    }

    @Test
    void write_tabsAndLineBreaks_becomeSpacesAndArrows() throws Exception {
        assertThat(table("a\tb\r\nc")).isEqualTo("a b ↵ c");
    }

    @Test
    void write_otherControlCharacters_areShown_andNoneIsLeft() throws Exception {
        String row = table("nul\u0000 bs\b del\u007f csi\u009b2J");

        assertThat(row).isEqualTo("nul^@ bs^H del^? csi\\u009b2J");
        assertThat(row.chars()).noneMatch(c -> c < 0x20 || (c >= 0x7f && c < 0xa0));
    }

    @Test
    void write_printableText_isKeptAsIs() throws Exception {
        assertThat(table("Zürich → 東京 ^[ stays")).isEqualTo("Zürich → 東京 ^[ stays");
    }
}
