package dev.cove.internal;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

/**
 * A run's checked, immutable settings: one value per {@link Option}. Construction checks every value, so a
 * config that exists is one that can run.
 */
public final class CoveConfig {

    private final Map<Option<?>, Object> values;

    private CoveConfig(Map<Option<?>, Object> values) {
        this.values = values;
    }

    /**
     * Checks the values set on a builder, in the order of {@link Options#ALL}, and derives the defaults that
     * depend on other options (the role session name defaults to the role's name).
     *
     * @param set the values set, by option; unset options are absent or null
     * @return the configuration
     * @throws dev.cove.CoveConfigurationException naming the first option whose value cannot work
     */
    public static CoveConfig check(Map<Option<?>, Object> set) {
        Map<Option<?>, Object> checked = new HashMap<>();
        for (Option<?> option : Options.ALL) {
            checked.put(option, option.check(set.get(option)));
        }
        crossCheck(checked);
        if (checked.get(Options.ROLE_SESSION_NAME) == null) {
            checked.put(Options.ROLE_SESSION_NAME,
                    Validation.defaultSessionName((String) checked.get(Options.ROLE_NAME)));
        }
        return new CoveConfig(checked);
    }

    /** Options that cannot work together, each rule named under the option set second. */
    private static void crossCheck(Map<Option<?>, Object> checked) {
        if (checked.get(Options.PLAN) != null && (checked.get(Options.TARGET_IDS) != null
                || checked.get(Options.TARGETS_FILE) != null)) {
            throw Validation.fail("plan", null, "a plan names its targets itself: leave targetIds unset, and"
                    + " targetsFile too (ignoreIds still leave accounts out)");
        }
        TargetsFile file = (TargetsFile) checked.get(Options.TARGETS_FILE);
        if (file == null) {
            return;
        }
        TargetsFile.Row withRegion = file.firstRowWithRegion();
        if (withRegion != null && checked.get(Options.REGIONS) != null) {
            throw Validation.fail("regions", String.valueOf(checked.get(Options.REGIONS)), "the targets file "
                    + file.path() + " names the regions itself (line " + withRegion.line() + ": " + withRegion.region()
                    + "); leave regions unset, or use a file without a Region column");
        }
    }

    /**
     * Returns an option's checked value.
     *
     * @param option the option
     * @param <T> its type
     * @return the value, or null where the option's default is null
     */
    public <T> T get(Option<T> option) {
        @SuppressWarnings("unchecked") // values are stored under their own option
        T value = (T) values.get(option);
        return value;
    }

    /**
     * Returns every checked value by option, for {@code toBuilder}.
     *
     * @return an unmodifiable view
     */
    public Map<Option<?>, Object> values() {
        return Collections.unmodifiableMap(values);
    }

    /**
     * Returns whether failures beyond {@code count} stop the run from starting targets.
     *
     * @param count failures so far
     * @return true when {@code count} exceeds the tolerance
     */
    boolean tooManyFailures(int count) {
        int maxFailures = get(Options.MAX_FAILURES);
        return maxFailures >= 0 && count > maxFailures;
    }
}
