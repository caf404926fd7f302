package dev.cove.cli.output;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** A command's stdout becomes JSON when it is one JSON document, else text without trailing newlines. */
class JsonTest {

    @Test
    void value_ofJsonObjectsAndArrays_isTheJson() {
        assertThat(Json.value("{\"Account\": \"1\"}\n", false).get("Account").asText()).isEqualTo("1");
        assertThat(Json.value("  [1, 2]\n", false).size()).isEqualTo(2);
    }

    @Test
    void value_ofJsonScalars_staysText_soEveryAccountGivesTheSameType() {
        assertThat(text(Json.value("512345678901\n", false))).isEqualTo("512345678901");
        assertThat(text(Json.value("012345678901\n", false))).isEqualTo("012345678901");
        assertThat(text(Json.value("true", false))).isEqualTo("true");
        assertThat(text(Json.value("\"quoted\"", false))).isEqualTo("\"quoted\"");
    }

    @Test
    void value_ofText_isTheTextWithoutTrailingNewlines() {
        assertThat(text(Json.value("hello\n", false))).isEqualTo("hello");
        assertThat(text(Json.value("two\nlines\r\n\n", false))).isEqualTo("two\nlines");
        assertThat(text(Json.value("{\"a\": 1} trailing", false))).isEqualTo("{\"a\": 1} trailing");
        assertThat(text(Json.value("{\"a\": 1}\n{\"b\": 2}\n", false))).isEqualTo("{\"a\": 1}\n{\"b\": 2}");
        assertThat(text(Json.value("", false))).isEmpty();
    }

    @Test
    void value_ofTruncatedOutput_isAlwaysText() {
        assertThat(Json.value("{\"a\": 1}", true).isTextual()).isTrue();
    }

    private static String text(JsonNode node) {
        assertThat(node.isTextual()).isTrue();
        return node.asText();
    }
}
