package dev.cove.testkit;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/** The test kit's one Jackson mapper, and the ways the proxy reads and writes JSON 1.1 bodies with it. */
final class Json {

    /** Reads and writes JSON; numbers pass through digit for digit. Thread-safe; configure nothing on it. */
    static final JsonMapper MAPPER = JsonMapper.builder()
            // keep moto's epoch-second timestamps such as 1759737600.123456 digit for digit
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .build();

    private Json() {
    }

    /** Returns the top-level string members of a JSON object in order; what a malformed text held up to its flaw. */
    static Map<String, String> topLevelStrings(String json) {
        Map<String, String> fields = new LinkedHashMap<>();
        try (JsonParser parser = MAPPER.createParser(json)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return fields;
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                if (parser.nextToken() == JsonToken.VALUE_STRING) {
                    fields.put(name, parser.getText());
                } else {
                    parser.skipChildren();
                }
            }
        } catch (IOException malformed) {
            // read from a String, so the text itself is at fault: keep the fields read so far
        }
        return fields;
    }

    /** Returns the JSON object in {@code body}, or null when it is not one. */
    static ObjectNode readObject(byte[] body) {
        try {
            return MAPPER.readTree(body) instanceof ObjectNode object ? object : null;
        } catch (JacksonException malformed) {
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Returns {@code node} as compact UTF-8 JSON. */
    static byte[] write(JsonNode node) {
        try {
            return MAPPER.writeValueAsBytes(node);
        } catch (JacksonException e) {
            throw new IllegalStateException("could not write a JSON tree", e);
        }
    }
}
