package dev.cove.internal;

import dev.cove.CoveAccount;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One filter expression of {@code include} or {@code exclude}: {@code KEY=GLOB[,GLOB...]}, where the globs are
 * alternatives. Keys: {@code id}, {@code name}, {@code email}, {@code state}, {@code ou} (an OU path glob,
 * {@code **} for any depth) and {@code tag:KEY}; keys other than the tag's are case-insensitive. An account whose
 * value is unknown (no such tag, no metadata) matches no glob. Values are matched case-sensitively, as AWS
 * stores them.
 *
 * @param option {@code include} or {@code exclude}
 * @param expression the expression as given
 * @param key what it looks at
 * @param tagKey the tag key of a {@code tag:} expression, else null
 * @param globs the globs, as given
 * @param patterns the compiled globs
 */
record AccountFilter(String option, String expression, Key key, String tagKey, List<String> globs,
        List<Pattern> patterns) {

    /** What a filter looks at. */
    enum Key {
        /** The 12-digit account ID. */
        ID,
        /** The account's name. */
        NAME,
        /** The account's e-mail. */
        EMAIL,
        /** The account's State (its Status where AWS sends no State). */
        STATE,
        /** The path of the account's OU. */
        OU,
        /** One of the account's tags. */
        TAG
    }

    /** The account states AWS sends: https://docs.aws.amazon.com/organizations/latest/APIReference/API_Account.html */
    private static final Set<String> STATES = Set.of("PENDING_ACTIVATION", "ACTIVE", "SUSPENDED",
            "PENDING_CLOSURE", "CLOSED");
    private static final Pattern ID_GLOB = Pattern.compile("[0-9*?]{1,12}");
    private static final String KEYS = "id, name, email, state, ou or tag:KEY";

    AccountFilter {
        globs = List.copyOf(globs);
        patterns = List.copyOf(patterns);
    }

    /**
     * Parses and checks an expression.
     *
     * @param option {@code include} or {@code exclude}, for messages
     * @param expression e.g. {@code name=prod-*,shared-*} or {@code tag:env=prod}
     * @return the filter
     * @throws dev.cove.CoveConfigurationException naming the bad part of the expression
     */
    static AccountFilter parse(String option, String expression) {
        if (expression == null || expression.isBlank()) {
            throw Validation.fail(option, expression, "an empty filter; write KEY=VALUE[,VALUE...] with KEY one of "
                    + KEYS + ", e.g. name=prod-*");
        }
        String trimmed = expression.strip();
        int equals = trimmed.startsWith("tag:") ? trimmed.indexOf('=', 4) : trimmed.indexOf('=');
        if (equals < 0) {
            throw Validation.fail(option, expression, Ids.quote(expression) + " has no '='; write KEY=VALUE[,VALUE...]"
                    + " with KEY one of " + KEYS + ", e.g. name=prod-*");
        }
        String keyText = trimmed.substring(0, equals).strip();
        Key key;
        String tagKey = null;
        if (keyText.startsWith("tag:")) {
            key = Key.TAG;
            tagKey = keyText.substring(4);
            if (tagKey.isEmpty()) {
                throw Validation.fail(option, expression, "tag: needs a tag key in " + Ids.quote(expression)
                        + ", e.g. tag:env=prod");
            }
        } else {
            try {
                key = Key.valueOf(keyText.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw Validation.fail(option, expression, "unknown key " + Ids.quote(keyText) + " in "
                        + Ids.quote(expression) + "; the keys are " + KEYS);
            }
            if (key == Key.TAG) {
                throw Validation.fail(option, expression, "unknown key " + Ids.quote(keyText) + " in "
                        + Ids.quote(expression) + "; the keys are " + KEYS);
            }
        }
        List<String> globs = new ArrayList<>();
        List<Pattern> patterns = new ArrayList<>();
        for (String value : trimmed.substring(equals + 1).split(",", -1)) {
            String glob = value.strip();
            if (glob.isEmpty()) {
                throw Validation.fail(option, expression, "an empty value in " + Ids.quote(expression)
                        + "; give one or more comma-separated values (* matches any text, ? one character)");
            }
            patterns.add(compile(option, expression, key, glob));
            globs.add(glob);
        }
        return new AccountFilter(option, trimmed, key, tagKey, globs, patterns);
    }

    private static Pattern compile(String option, String expression, Key key, String glob) {
        switch (key) {
            case ID -> {
                if (!ID_GLOB.matcher(glob).matches()) {
                    throw Validation.fail(option, expression, "id values are 12-digit account IDs or globs of them "
                            + "(e.g. 1234*), not " + Ids.quote(glob));
                }
            }
            case STATE -> {
                if (!Glob.isPattern(glob) && !STATES.contains(glob)) {
                    throw Validation.fail(option, expression, "unknown account state " + Ids.quote(glob)
                            + "; AWS's states are ACTIVE, SUSPENDED, PENDING_ACTIVATION, PENDING_CLOSURE and CLOSED");
                }
            }
            case OU -> {
                if (!OuPath.isPath(glob)) {
                    throw Validation.fail(option, expression, "ou values are OU paths from the root, starting with "
                            + "/ (e.g. /Prod/** for /Prod and everything below it), not " + Ids.quote(glob));
                }
                try {
                    return Glob.compileOuPath(OuPath.normalize(glob));
                } catch (IllegalArgumentException e) {
                    throw Validation.fail(option, expression, e.getMessage());
                }
            }
            default -> {
                // any text
            }
        }
        return Glob.compile(glob);
    }

    /**
     * Returns whether the account's value matches one of the globs.
     *
     * @param account the account
     * @return true on a match; false when the value is unknown
     */
    boolean matches(CoveAccount account) {
        String value = switch (key) {
            case ID -> account.id();
            case NAME -> account.name();
            case EMAIL -> account.email();
            case STATE -> account.state() != null ? account.state() : account.status();
            case OU -> account.ouPath() == null ? null : Glob.canonicalPath(account.ouPath());
            case TAG -> account.tags() == null ? null : account.tags().get(tagKey);
        };
        if (value == null) {
            return false;
        }
        for (Pattern pattern : patterns) {
            if (pattern.matcher(value).matches()) {
                return true;
            }
        }
        return false;
    }

    /**
     * Returns whether the filter can be decided from an account as ListAccounts gives it.
     *
     * @return true for {@code id}, {@code name}, {@code email} and {@code state}
     */
    boolean decidableFromListing() {
        return key != Key.OU && key != Key.TAG;
    }

    /**
     * Describes the filter for messages, e.g. {@code include name=prod-*}.
     *
     * @return the description
     */
    String describe() {
        return option + " " + expression;
    }
}
