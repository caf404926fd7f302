package dev.cove.internal;

import java.util.function.UnaryOperator;

/**
 * One setting of a {@link dev.cove.Cove}: its name as the builder spells it, its default, and the rule that
 * checks a value (throwing {@link dev.cove.CoveConfigurationException} naming this option) and returns the
 * value to keep, e.g. an immutable, de-duplicated copy of a list.
 *
 * @param <T> the value's type
 */
public final class Option<T> {

    private final String name;
    private final T defaultValue;
    private final UnaryOperator<T> check;

    private Option(String name, T defaultValue, UnaryOperator<T> check) {
        this.name = name;
        this.defaultValue = defaultValue;
        this.check = check;
    }

    static <T> Option<T> of(String name, T defaultValue, UnaryOperator<T> check) {
        return new Option<>(name, defaultValue, check);
    }

    static <T> Option<T> unchecked(String name, T defaultValue) {
        return new Option<>(name, defaultValue, UnaryOperator.identity());
    }

    /**
     * Returns the option's name as the builder spells it.
     *
     * @return e.g. {@code roleName}
     */
    public String name() {
        return name;
    }

    /**
     * Returns the value used when the option is not set.
     *
     * @return the default, possibly null
     */
    public T defaultValue() {
        return defaultValue;
    }

    /**
     * Checks a value set on the builder (null when unset) and returns the value to keep.
     *
     * @param value the value, or null
     * @return the checked value
     */
    T check(Object value) {
        @SuppressWarnings("unchecked") // the builder stores each value under its own option
        T typed = (T) value;
        return check.apply(typed == null ? defaultValue : typed);
    }

    @Override
    public String toString() {
        return name;
    }
}
