package dev.cove;

/**
 * A setting of a {@link Cove} cannot work: a bad value, a selection that leaves no account, credentials or
 * an endpoint that cannot identify the caller. Thrown before any role is assumed. It names the builder
 * option, the bad value (masked when the option is secret) and the rule the value breaks, so that a
 * command-line front end can name its own flag instead of the option.
 */
public final class CoveConfigurationException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /** The builder option, e.g. {@code targetIds}. */
    private final String option;
    /** The bad value as text, masked when secret; may be null. */
    private final String value;
    /** What is wrong and how to fix it, without the option's name. */
    private final String rule;

    /**
     * Creates the exception.
     *
     * @param option the builder option, e.g. {@code roleSessionName}
     * @param value the bad value as text (masked when secret), or null
     * @param rule what is wrong and how to fix it, without the option's name
     * @param cause the underlying failure, or null
     */
    public CoveConfigurationException(String option, String value, String rule, Throwable cause) {
        super(option + ": " + rule, cause);
        this.option = option;
        this.value = value;
        this.rule = rule;
    }

    /**
     * Returns the builder option whose setting cannot work, e.g. {@code targetIds}.
     *
     * @return the option's name as the builder spells it
     */
    public String option() {
        return option;
    }

    /**
     * Returns the bad value as text; masked when the option is secret.
     *
     * @return the value, or null when no single value is at fault
     */
    public String value() {
        return value;
    }

    /**
     * Returns what is wrong and how to fix it, without the option's name; {@link #getMessage()} is the option,
     * a colon and this rule.
     *
     * @return the rule
     */
    public String rule() {
        return rule;
    }
}
