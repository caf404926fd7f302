package dev.cove.cli.output;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.UncheckedIOException;

/** The command's one Jackson mapper, and how a child's stdout becomes a record's value. */
public final class Json {

    /** The mapper: never closes the writer it writes to; rejects trailing tokens when reading. */
    public static final ObjectMapper MAPPER = new ObjectMapper()
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private static final DefaultIndenter INDENTER = new DefaultIndenter("  ", "\n");

    /** Writes indented JSON the way people write it: {@code "Key": value}, one element per line. */
    public static final ObjectWriter PRETTY = MAPPER.writer(new DefaultPrettyPrinter()
            .withSeparators(Separators.createDefaultInstance()
                    .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                    .withObjectEmptySeparator("")
                    .withArrayEmptySeparator(""))
            .withObjectIndenter(INDENTER)
            .withArrayIndenter(INDENTER));

    private Json() {
    }

    /**
     * Returns a new, empty object whose fields keep their insertion order.
     *
     * @return the object
     */
    public static ObjectNode object() {
        return JsonNodeFactory.instance.objectNode();
    }

    /**
     * Turns a command's stdout into a value: the JSON it holds when it is one complete JSON object or array,
     * otherwise the text without its trailing newlines. Bare JSON scalars stay text, so that the same program
     * gives the same type in every account: {@code 012345678901} is not a JSON number, {@code 512345678901} is.
     *
     * @param stdout what the command printed
     * @param truncated whether bytes were dropped (then it is kept as text: a cut document is not JSON)
     * @return the value
     */
    public static JsonNode value(String stdout, boolean truncated) {
        String trimmed = stdout.strip();
        if (!truncated && (trimmed.startsWith("{") || trimmed.startsWith("["))) {
            try {
                return MAPPER.readTree(trimmed);
            } catch (JsonProcessingException notJson) {
                // plain text: kept as a string below
            }
        }
        return TextNode.valueOf(withoutTrailingNewlines(stdout));
    }

    /**
     * Writes a node as compact JSON text.
     *
     * @param node the node
     * @return the JSON text
     */
    public static String compact(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Removes the line terminators at the end of a text, like a shell's command substitution.
     *
     * @param text the text
     * @return the text without trailing {@code \n} and {@code \r}
     */
    public static String withoutTrailingNewlines(String text) {
        int end = text.length();
        while (end > 0 && (text.charAt(end - 1) == '\n' || text.charAt(end - 1) == '\r')) {
            end--;
        }
        return text.substring(0, end);
    }
}
