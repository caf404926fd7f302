package dev.cove.cli;

import dev.cove.Cove;
import java.util.List;
import java.util.function.BiConsumer;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.OptionSpec;

/**
 * One row of {@link BuilderOptions#TABLE}: a flag of the command and the {@link Cove.Builder} option it sets.
 *
 * @param flag the flag, e.g. {@code --role-name}
 * @param option the builder option as the builder spells it, e.g. {@code roleName}; a
 *     {@link dev.cove.CoveConfigurationException} naming it is reported under {@code flag}
 * @param value what the flag takes
 * @param apply sets the value on a builder; may throw {@link picocli.CommandLine.TypeConversionException},
 *     which is reported as an invalid value of the flag
 * @param scope the commands that accept the flag
 * @param description the help text
 * @param alsoSets other builder options the flag sets, whose errors it answers for too
 * @param <T> the type of the value
 */
record BuilderOption<T>(String flag, String option, Value<T> value, BiConsumer<Cove.Builder, ? super T> apply,
        Scope scope, String description, List<String> alsoSets) {

    /** The commands that accept a flag. */
    enum Scope {
        /** {@code cove targets} and {@code cove exec}: the flag shapes the selection, which targets validates. */
        SELECTION,
        /** {@code cove exec} only: the flag shapes a run. */
        EXEC;

        boolean accepts(String command) {
            return this == SELECTION || "exec".equals(command);
        }
    }

    /**
     * What a flag takes, as picocli reads it.
     *
     * @param type the value's type
     * @param elementType the type of a list's elements (the flag repeatable), or null
     * @param split whether one value of a list holds several elements, comma-separated
     * @param label the placeholder in help, or null for a switch
     * @param converter reads a value, or null for picocli's own
     * @param <T> the type of the value
     */
    record Value<T>(Class<?> type, Class<?> elementType, boolean split, String label, ITypeConverter<T> converter) {

        /** A switch: no value, on when given. */
        static final Value<Boolean> SWITCH = new Value<>(boolean.class, null, false, null, null);

        static Value<String> text(String label) {
            return new Value<>(String.class, null, false, label, null);
        }

        static Value<Integer> number(String label) {
            return new Value<>(Integer.class, null, false, label, null);
        }

        /** A list given comma-separated, the flag repeatable. */
        static Value<List<String>> list(String label) {
            return new Value<>(List.class, String.class, true, label, null);
        }

        /** A list of values that may hold commas themselves: one element per use of the flag. */
        static Value<List<String>> repeated(String label) {
            return new Value<>(List.class, String.class, false, label, null);
        }

        static <T> Value<T> read(Class<T> type, String label, ITypeConverter<T> converter) {
            return new Value<>(type, null, false, label, converter);
        }
    }

    /**
     * Makes a row.
     *
     * @param flag the flag
     * @param option the builder option it sets
     * @param value what it takes
     * @param apply how it is set on a builder
     * @param scope the commands that accept it
     * @param description the help text
     * @param <T> the type of the value
     * @return the row
     */
    static <T> BuilderOption<T> of(String flag, String option, Value<T> value,
            BiConsumer<Cove.Builder, ? super T> apply, Scope scope, String description) {
        return new BuilderOption<>(flag, option, value, apply, scope, description, List.of());
    }

    /**
     * Returns this row, answering also for errors of other builder options it sets.
     *
     * @param options the other builder options
     * @return a copy of the row
     */
    BuilderOption<T> alsoSets(String... options) {
        return new BuilderOption<>(flag, option, value, apply, scope, description, List.of(options));
    }

    /**
     * Returns whether errors of a builder option are this flag's to answer for.
     *
     * @param builderOption the builder option, as a {@link dev.cove.CoveConfigurationException} names it
     * @return true when the flag sets it
     */
    boolean sets(String builderOption) {
        return option.equals(builderOption) || alsoSets.contains(builderOption);
    }

    /**
     * Describes the flag to picocli.
     *
     * @return the option's model, for {@code --help}, completion and parsing
     */
    OptionSpec toSpec() {
        OptionSpec.Builder spec = OptionSpec.builder(flag).type(value.type()).description(description);
        if (value.elementType() != null) {
            spec.auxiliaryTypes(value.elementType());
            if (value.split()) {
                spec.splitRegex(",");
            }
        }
        if (value.label() != null) {
            spec.paramLabel(value.label());
        }
        if (value.converter() != null) {
            spec.converters(value.converter());
        }
        return spec.build();
    }

    /**
     * Sets a parsed value on a builder.
     *
     * @param builder the builder
     * @param parsed the value picocli parsed for this flag
     */
    @SuppressWarnings("unchecked")
    void applyTo(Cove.Builder builder, Object parsed) {
        // picocli parsed the value as value.type() says: it is a T.
        apply.accept(builder, (T) parsed);
    }
}
