package dev.cove.internal;

import java.util.regex.Pattern;

/** Tells the kinds of ID a selection may hold apart: account, organizational unit, root, or OU path. */
public final class Ids {

    /** The kinds of ID a target or ignore list accepts. */
    public enum Kind {
        /** A 12-digit account ID. */
        ACCOUNT,
        /** An organizational unit ID: every account below it, at any depth. */
        OU,
        /** A root ID: the whole organization. */
        ROOT,
        /** An OU path such as {@code /Prod/Web} ({@code /}: the root): that OU, like its ID. */
        PATH
    }

    private static final Pattern ACCOUNT = Pattern.compile("\\d{12}");
    private static final Pattern OU = Pattern.compile("ou-[0-9a-z]{4,32}-[a-z0-9]{8,32}");
    private static final Pattern ROOT = Pattern.compile("r-[0-9a-z]{4,32}");

    private Ids() {
    }

    /**
     * Classifies an ID, or fails naming it.
     *
     * @param id the ID to classify
     * @param option the option it was given in, for the message
     * @return its kind
     * @throws dev.cove.CoveConfigurationException when the ID is neither an account, an OU nor a root
     */
    public static Kind kindOf(String id, String option) {
        if (id != null) {
            if (ACCOUNT.matcher(id).matches()) {
                return Kind.ACCOUNT;
            }
            if (OU.matcher(id).matches()) {
                return Kind.OU;
            }
            if (ROOT.matcher(id).matches()) {
                return Kind.ROOT;
            }
            if (OuPath.isPath(id)) {
                try {
                    OuPath.normalize(id);
                } catch (IllegalArgumentException e) {
                    throw Validation.fail(option, id, e.getMessage());
                }
                return Kind.PATH;
            }
        }
        throw Validation.fail(option, id, "provided id is neither an AWS account (12 digits), an OU "
                + "(ou-xxxx-xxxxxxxx), a root (r-xxxx) nor an OU path (/Prod/Web): " + quote(id));
    }

    static String quote(String value) {
        return value == null ? "null" : "'" + value + "'";
    }
}
