package dev.cove.testkit;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The OUs and accounts an {@link OrganizationBuilder} will create, parents before children. */
record OrganizationPlan(List<PlannedOu> ous, List<PlannedAccount> accounts) {

    record PlannedOu(String name, String path) {
        String parentPath() {
            return OuPaths.parent(path);
        }

        int depth() {
            return path.split("/").length;
        }
    }

    record PlannedAccount(String name, String email, String ouPath, Map<String, String> tags) {
    }

    OrganizationPlan {
        ous = List.copyOf(ous);
        accounts = List.copyOf(accounts);
    }

    int maxDepth() {
        return ous.stream().mapToInt(PlannedOu::depth).max().orElse(0);
    }

    static final class Builder {
        private final List<PlannedOu> ous = new ArrayList<>();
        private final List<PlannedAccount> accounts = new ArrayList<>();
        private final Set<String> accountNames = new HashSet<>();
        private int autoNumber;

        int nextAutoNumber() {
            return ++autoNumber;
        }

        void addOu(String name, String path) {
            ous.add(new PlannedOu(name, path));
        }

        void addAccount(String name, String ouPath, Map<String, String> tags) {
            if (!accountNames.add(name)) {
                throw new IllegalArgumentException("account name '" + name + "' is used twice");
            }
            accounts.add(new PlannedAccount(name, name + "@example.com", ouPath, Map.copyOf(tags)));
        }

        OrganizationPlan build() {
            return new OrganizationPlan(ous, accounts);
        }
    }
}
