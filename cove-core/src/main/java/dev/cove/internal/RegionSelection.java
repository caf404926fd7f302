package dev.cove.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import software.amazon.awssdk.regions.Region;

/**
 * The regions of a run: names such as {@code us-east-1} as given, or {@code all} and globs such as {@code us-*},
 * which expand over each account's enabled regions; then {@code excludeRegions} (names or globs) removes. With
 * names alone no account's regions are looked up. Expanded regions come in the order the entries were given, each
 * entry's matches sorted by name, each region once.
 */
final class RegionSelection {

    /** The entry that means every region enabled in the account. */
    static final String ALL = "all";

    private final List<String> entries;
    private final List<Pattern> excludes;
    private final List<String> excludeGlobs;

    private RegionSelection(List<String> entries, List<String> excludeGlobs) {
        this.entries = entries;
        this.excludeGlobs = excludeGlobs;
        this.excludes = excludeGlobs.stream().map(Glob::compile).toList();
    }

    /**
     * Returns the regions of a configuration.
     *
     * @param config the run's settings
     * @return the selection
     */
    static RegionSelection of(CoveConfig config) {
        return new RegionSelection(config.get(Options.REGIONS), config.get(Options.EXCLUDE_REGIONS));
    }

    /**
     * Returns whether each account's enabled regions must be looked up.
     *
     * @return true when {@code all} or a glob was given
     */
    boolean needsLookup() {
        return entries != null && entries.stream().anyMatch(RegionSelection::expands);
    }

    private static boolean expands(String entry) {
        return entry.equals(ALL) || Glob.isPattern(entry);
    }

    /**
     * Returns the first region named as such, if any: the fallback region of the STS and Organizations clients.
     *
     * @return the region name, or null
     */
    String firstNamed() {
        return entries == null ? null : entries.stream().filter(e -> !expands(e)).findFirst().orElse(null);
    }

    /**
     * Returns the regions of every account when no lookup is needed: the named regions (else the assuming region)
     * without the excluded ones.
     *
     * @param assumingRegion the region used when none is named
     * @return the regions, in the given order
     * @throws dev.cove.CoveConfigurationException when {@code excludeRegions} removes every region
     */
    List<String> fixed(Region assumingRegion) {
        List<String> named = entries == null ? List.of(assumingRegion.id()) : entries;
        List<String> kept = withoutExcluded(named);
        if (kept.isEmpty()) {
            throw Validation.fail("excludeRegions", String.join(",", excludeGlobs), "removes every region of "
                    + named + "; nothing would run");
        }
        return kept;
    }

    /**
     * Returns an account's regions: the entries expanded over the regions enabled in the account, without the
     * excluded ones. A named region that the account has not enabled is left out as well.
     *
     * @param enabled the regions enabled in the account
     * @return the account's regions, possibly none
     */
    List<String> expand(Collection<String> enabled) {
        Set<String> regions = new LinkedHashSet<>();
        for (String entry : entries) {
            if (entry.equals(ALL)) {
                enabled.stream().sorted().forEach(regions::add);
            } else if (Glob.isPattern(entry)) {
                Pattern pattern = Glob.compile(entry);
                enabled.stream().filter(r -> pattern.matcher(r).matches()).sorted().forEach(regions::add);
            } else if (enabled.contains(entry)) {
                regions.add(entry);
            }
        }
        return withoutExcluded(new ArrayList<>(regions));
    }

    /**
     * Removes the excluded regions from a list.
     *
     * @param regions the regions
     * @return the regions that are not excluded, in order
     */
    List<String> withoutExcluded(List<String> regions) {
        return regions.stream().filter(r -> excludes.stream().noneMatch(p -> p.matcher(r).matches())).toList();
    }

    /**
     * Describes the selection for messages, e.g. {@code regions [us-*] without [us-west-1]}.
     *
     * @return the description
     */
    String describe() {
        return "regions " + entries + (excludeGlobs.isEmpty() ? "" : " without " + excludeGlobs);
    }
}
