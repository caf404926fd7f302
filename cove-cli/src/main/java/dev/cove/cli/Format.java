package dev.cove.cli;

import java.util.Arrays;
import java.util.Iterator;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** The output formats of {@code cove targets} and {@code cove exec}. */
public enum Format {

    /** Aligned columns, for people; the default when stdout is a terminal. */
    TABLE,
    /** One JSON document; the default when stdout is not a terminal. */
    JSON,
    /** One JSON object per line, written as each target completes. */
    JSONL,
    /** Comma-separated values with a header line. */
    CSV;

    /**
     * Returns the name users type, e.g. {@code jsonl}.
     *
     * @return the lower-case name
     */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Converts {@code --format} values, ignoring case. */
    public static final class Converter implements ITypeConverter<Format> {

        /** Creates the converter. */
        public Converter() {
        }

        @Override
        public Format convert(String value) {
            for (Format format : values()) {
                if (format.label().equalsIgnoreCase(value.trim())) {
                    return format;
                }
            }
            throw new TypeConversionException("expected one of table, json, jsonl, csv but was '" + value + "'");
        }
    }

    /** The values shown in help and offered by shell completion. */
    public static final class Names implements Iterable<String> {

        /** Creates the list. */
        public Names() {
        }

        @Override
        public Iterator<String> iterator() {
            return Arrays.stream(values()).map(Format::label).iterator();
        }
    }
}
