package dev.cove.internal;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;
import java.util.TreeMap;

/** Says truthfully why a selection left no account: what the organization holds, and what removed what. */
final class EmptySelection {

    private EmptySelection() {
    }

    /**
     * Explains an empty selection.
     *
     * @param config the run's settings
     * @param selected the accounts the targets selected
     * @param ignored the accounts the ignores (and the calling account) removed
     * @param caller the calling account
     * @param includeHost whether the calling account may run
     * @param organization the organization's accounts, if listed
     * @return the explanation, to follow "There are no eligible account ids to run against: "
     */
    static String why(CoveConfig config, Set<String> selected, Set<String> ignored, String caller,
            boolean includeHost, Optional<Map<String, OrgAccount>> organization) {
        TargetsFile file = config.get(Options.TARGETS_FILE);
        if (selected.isEmpty()) {
            if (config.get(Options.TARGET_IDS) != null) {
                return "the selected IDs " + config.get(Options.TARGET_IDS) + " hold no ACTIVE account";
            }
            Collection<OrgAccount> all = organization.map(Map::values).orElse(List.of());
            return "the organization lists " + all.size() + " account(s), none of them ACTIVE"
                    + (all.isEmpty() ? "" : " (" + lifecycleCounts(all) + ")");
        }
        long byCaller = !includeHost && selected.contains(caller) ? 1 : 0;
        long byIgnores = selected.stream().filter(id -> ignored.contains(id) && !(id.equals(caller) && byCaller > 0))
                .count();
        String source = config.get(Options.TARGET_IDS) == null ? "" : "the selected IDs " + config.get(Options.TARGET_IDS);
        if (file != null) {
            source = (source.isEmpty() ? "" : source + " and ") + "the targets file " + file.path();
        }
        StringBuilder why = new StringBuilder(source.isEmpty()
                ? "the organization's " + selected.size() + " ACTIVE account(s)"
                : "the " + selected.size() + " ACTIVE account(s) of " + source);
        why.append(" are all removed: ");
        if (byIgnores > 0) {
            why.append(byIgnores).append(" by the ignored IDs ").append(config.get(Options.IGNORE_IDS));
        }
        if (byCaller > 0) {
            why.append(byIgnores > 0 ? ", " : "").append("1 as the calling account ").append(caller)
                    .append(" (Cove never assumes a role in the account it is called from)");
        }
        return why.toString();
    }

    private static String lifecycleCounts(Collection<OrgAccount> accounts) {
        Map<String, Long> counts = new TreeMap<>();
        for (OrgAccount a : accounts) {
            counts.merge(a.lifecycle() == null ? "no State" : a.lifecycle(), 1L, Long::sum);
        }
        StringJoiner joined = new StringJoiner(", ");
        counts.forEach((state, n) -> joined.add(n + " " + state));
        return joined.toString();
    }
}
