package dev.cove.testkit;

import java.util.Objects;

/**
 * An organizational unit created by {@link OrganizationBuilder}.
 *
 * @param id the OU id moto assigned, e.g. {@code ou-ab12-cd34ef56}
 * @param name the OU name, e.g. {@code web}
 * @param path the names from the root down to this OU joined by {@code /}, e.g. {@code prod/web}
 * @param parentId the id of the parent OU, or the root id for top-level OUs
 */
public record OrgUnit(String id, String name, String path, String parentId) {

    /** Validates that every component is present. */
    public OrgUnit {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(parentId, "parentId");
    }

    /**
     * Returns how deep this OU is: 1 for a child of the root, 2 for its children, and so on.
     *
     * @return the depth
     */
    public int depth() {
        return path.split("/").length;
    }
}
