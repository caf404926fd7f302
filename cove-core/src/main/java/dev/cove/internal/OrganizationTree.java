package dev.cove.internal;

import dev.cove.CoveConfigurationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.organizations.model.Child;
import software.amazon.awssdk.services.organizations.model.ChildType;
import software.amazon.awssdk.services.organizations.model.ListChildrenResponse;
import software.amazon.awssdk.services.organizations.model.ListOrganizationalUnitsForParentResponse;
import software.amazon.awssdk.services.organizations.model.OrganizationalUnit;

/**
 * The organization's OUs by name, read once per run and only as far as needed: an OU path is resolved with
 * {@code ListOrganizationalUnitsForParent} along the branch it names (one listing per level, each kept for the
 * run); the OU path of every account takes a walk of the whole tree, two listings per OU.
 */
final class OrganizationTree {

    /** Organizations allows only a few requests per second per account; more in flight only adds throttling. */
    private static final int MAX_CONCURRENT_LISTINGS = 8;

    private final OrganizationsClient organizations;
    private final Supplier<Optional<Set<String>>> roots;
    /** The child OUs of each parent listed so far, kept for the run. */
    private final Map<String, List<Ou>> childOus = new ConcurrentHashMap<>();

    /**
     * An OU as its parent lists it.
     *
     * @param id the OU ID
     * @param name the OU name
     */
    private record Ou(String id, String name) {
    }

    /**
     * A parent to list: its ID and path.
     *
     * @param id the OU or root ID
     * @param path its path
     */
    private record Parent(String id, String path) {
    }

    /**
     * Creates the tree.
     *
     * @param organizations the run's Organizations client
     * @param roots the organization's roots (listed once by the caller), empty when they cannot be listed
     */
    OrganizationTree(OrganizationsClient organizations, Supplier<Optional<Set<String>>> roots) {
        this.organizations = organizations;
        this.roots = roots;
    }

    /**
     * Returns the ID of the OU (or root) a path names.
     *
     * @param path a normalized OU path, e.g. {@code /Prod/Web}, or {@code /} for the root
     * @param option the option that named it, for messages
     * @return the OU or root ID
     * @throws CoveConfigurationException naming the part of the path that does not exist (and what exists at that
     *     level), or the name two sibling OUs share
     */
    String idOf(String path, String option) {
        Parent parent = new Parent(rootId(option, path), OuPath.ROOT);
        for (String name : OuPath.segments(path)) {
            List<Ou> children = childOus(parent, option, path);
            List<Ou> named = children.stream().filter(ou -> ou.name().equals(name)).toList();
            if (named.isEmpty()) {
                throw Validation.fail(option, path, "no OU named " + Ids.quote(name) + " under " + parent.path()
                        + " (in the path " + path + "); " + existing(children, name, parent.path()));
            }
            if (named.size() > 1) {
                // AWS refuses a second OU of the same name under one parent (DuplicateOrganizationalUnitException:
                // "An OU with the same name already exists",
                // https://docs.aws.amazon.com/organizations/latest/APIReference/API_CreateOrganizationalUnit.html),
                // so this is an emulator's organization or a race; a path must name one OU in any case.
                throw Validation.fail(option, path, named.size() + " OUs are named " + Ids.quote(name) + " under "
                        + parent.path() + " (" + String.join(", ", named.stream().map(Ou::id).toList())
                        + "), so the path " + path + " is ambiguous; give the OU ID instead");
            }
            parent = new Parent(named.getFirst().id(), OuPath.child(parent.path(), name));
        }
        return parent.id();
    }

    private static String existing(List<Ou> children, String name, String where) {
        if (children.isEmpty()) {
            return "there are no OUs under " + where;
        }
        List<String> names = children.stream().map(Ou::name).sorted().toList();
        String hint = names.stream().anyMatch(n -> n.toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT)))
                ? " (OU names are case-sensitive)" : "";
        return "the OUs under " + where + " are " + String.join(", ", names) + hint;
    }

    /**
     * Returns the OU path of every account of the organization: a walk of the whole tree, level by level, with
     * {@code ListOrganizationalUnitsForParent} and {@code ListChildren} (accounts) for each OU.
     *
     * @param option the option that needs the paths, for messages
     * @return each account's path by account ID, e.g. {@code /Prod/Web}, {@code /} directly below the root
     */
    Map<String, String> accountPaths(String option) {
        Map<String, String> paths = new ConcurrentHashMap<>();
        List<Parent> level = List.of(new Parent(rootId(option, null), OuPath.ROOT));
        while (!level.isEmpty()) {
            List<List<Parent>> children = Bounded.map(level, MAX_CONCURRENT_LISTINGS, "cove-ou-walk-", parent -> {
                for (String account : accounts(parent, option)) {
                    paths.put(account, parent.path());
                }
                return childOus(parent, option, null).stream()
                        .map(ou -> new Parent(ou.id(), OuPath.child(parent.path(), ou.name())))
                        .toList();
            });
            level = children.stream().flatMap(List::stream).toList();
        }
        return paths;
    }

    private String rootId(String option, String value) {
        Optional<Set<String>> listed = roots.get();
        if (listed.isEmpty() || listed.get().isEmpty()) {
            throw Validation.fail(option, value, "cannot list the organization's root (organizations:ListRoots), "
                    + "where OU paths start: allow it in the management account or a delegated administrator, or "
                    + "give OU IDs instead of paths");
        }
        return listed.get().stream().sorted().findFirst().orElseThrow();
    }

    /**
     * Lists the OUs directly below a parent, once per run:
     * https://docs.aws.amazon.com/organizations/latest/APIReference/API_ListOrganizationalUnitsForParent.html
     * (paged, at most 20 a page; management account or delegated administrator only).
     */
    private List<Ou> childOus(Parent parent, String option, String value) {
        List<Ou> cached = childOus.get(parent.id());
        if (cached != null) {
            return cached;
        }
        try {
            List<Ou> ous = new ArrayList<>();
            for (ListOrganizationalUnitsForParentResponse page : organizations
                    .listOrganizationalUnitsForParentPaginator(r -> r.parentId(parent.id()))) {
                for (OrganizationalUnit ou : page.organizationalUnits()) {
                    ous.add(new Ou(ou.id(), ou.name()));
                }
            }
            List<Ou> listed = List.copyOf(ous);
            childOus.put(parent.id(), listed);
            return listed;
        } catch (AwsServiceException e) {
            throw denied(e, option, value, "the OUs under " + parent.path(),
                    "organizations:ListOrganizationalUnitsForParent");
        }
    }

    private List<String> accounts(Parent parent, String option) {
        try {
            List<String> ids = new ArrayList<>();
            for (ListChildrenResponse page : organizations.listChildrenPaginator(
                    r -> r.parentId(parent.id()).childType(ChildType.ACCOUNT))) {
                for (Child child : page.children()) {
                    ids.add(child.id());
                }
            }
            return ids;
        } catch (AwsServiceException e) {
            throw denied(e, option, null, "the accounts of " + parent.path(), "organizations:ListChildren");
        }
    }

    private static RuntimeException denied(AwsServiceException e, String option, String value, String what,
            String permission) {
        if (OrganizationDirectory.isDenied(e)) {
            return new CoveConfigurationException(option, value, "cannot list " + what + " ("
                    + OrganizationDirectory.describe(e) + "): OU paths need " + permission + " in the "
                    + "organization's management account or a delegated administrator", e);
        }
        return e;
    }
}
