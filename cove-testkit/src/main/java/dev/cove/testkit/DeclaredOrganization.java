package dev.cove.testkit;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.organizations.model.Tag;

/**
 * The organization a {@link CoveTest} declares, checked when read: its OUs as a tree, and per account the tags,
 * IAM users and enabled Regions. {@link #build(URI)} creates it in moto with {@link OrganizationBuilder}, then
 * tags the accounts and creates the users in each.
 */
final class DeclaredOrganization {

    private static final int CONCURRENCY = 8;
    // any six digits: moto stores the codes and checks neither (AWS checks two consecutive TOTP codes:
    // https://docs.aws.amazon.com/IAM/latest/APIReference/API_EnableMFADevice.html)
    private static final String AUTHENTICATION_CODE_1 = "123456";
    private static final String AUTHENTICATION_CODE_2 = "654321";

    /** One account as declared, its tags parsed. */
    record Account(String name, String ou, Map<String, String> tags, List<String> users, List<String> usersWithMfa,
            Set<String> enabledRegions) {
    }

    /** An OU of the declared tree, with the accounts directly in it. */
    private static final class Ou {
        final Map<String, Ou> children = new LinkedHashMap<>();
        final List<String> accounts = new ArrayList<>();

        Ou child(String name) {
            return children.computeIfAbsent(name, n -> new Ou());
        }
    }

    private final List<Account> accounts;
    private final Ou root = new Ou();

    private DeclaredOrganization(List<Account> accounts, List<String> ouPaths) {
        this.accounts = List.copyOf(accounts);
        for (String path : ouPaths) {
            ou(path);
        }
        for (Account account : accounts) {
            ou(account.ou()).accounts.add(account.name());
        }
    }

    /**
     * Reads and checks the declaration on a test class.
     *
     * @throws IllegalArgumentException naming the account and the bad tag, user or Region
     */
    static DeclaredOrganization of(CoveTest declaration) {
        List<Account> accounts = new ArrayList<>();
        for (MemberAccount account : declaration.accounts()) {
            accounts.add(read(account));
        }
        return new DeclaredOrganization(accounts, List.of(declaration.ous()));
    }

    List<Account> accounts() {
        return accounts;
    }

    /**
     * Builds the organization in the empty moto at {@code endpoint}: OUs and accounts, then the accounts' tags
     * and IAM users.
     *
     * @return the organization built
     */
    OrgFixture build(URI endpoint) {
        OrganizationBuilder builder = OrganizationBuilder.on(endpoint);
        root.accounts.forEach(builder::account);
        root.children.forEach((name, ou) -> builder.ou(name, body -> declare(ou, body)));
        OrgFixture org = builder.build();
        try (OrganizationsClient organizations = Moto.organizations(endpoint)) {
            for (Account account : accounts) {
                if (!account.tags().isEmpty()) {
                    String id = org.account(account.name()).id();
                    organizations.tagResource(r -> r.resourceId(id).tags(account.tags().entrySet().stream()
                            .map(tag -> Tag.builder().key(tag.getKey()).value(tag.getValue()).build()).toList()));
                }
            }
        }
        List<Account> withUsers = accounts.stream()
                .filter(account -> !account.users().isEmpty() || !account.usersWithMfa().isEmpty())
                .toList();
        Parallel.map(withUsers, CONCURRENCY, account -> "creating the IAM users of " + account.name(),
                account -> createUsers(endpoint, org.account(account.name()).id(), account));
        return org;
    }

    private static Void createUsers(URI endpoint, String accountId, Account account) {
        try (IamClient iam = Moto.iam(endpoint, MotoAccounts.assumeRole(endpoint, accountId), accountId)) {
            account.users().forEach(user -> iam.createUser(r -> r.userName(user)));
            for (String user : account.usersWithMfa()) {
                iam.createUser(r -> r.userName(user));
                String serial = iam.createVirtualMFADevice(r -> r.virtualMFADeviceName(user))
                        .virtualMFADevice().serialNumber();
                iam.enableMFADevice(r -> r.userName(user).serialNumber(serial)
                        .authenticationCode1(AUTHENTICATION_CODE_1).authenticationCode2(AUTHENTICATION_CODE_2));
            }
        }
        return null;
    }

    private static void declare(Ou ou, OuBuilder body) {
        ou.accounts.forEach(body::account);
        ou.children.forEach((name, child) -> body.ou(name, grandchild -> declare(child, grandchild)));
    }

    private Ou ou(String path) {
        Ou ou = root;
        String normalized = OuPaths.normalize(path);
        if (normalized.isEmpty()) {
            return ou;
        }
        for (String name : normalized.split("/")) {
            if (name.isBlank()) {
                throw new IllegalArgumentException("OU path '" + path + "' has an empty OU name");
            }
            ou = ou.child(name.strip());
        }
        return ou;
    }

    private static Account read(MemberAccount account) {
        String name = account.name();
        Map<String, String> tags = new LinkedHashMap<>();
        for (String tag : account.tags()) {
            int equals = tag.indexOf('=');
            if (equals < 1) {
                throw new IllegalArgumentException("account '" + name + "': tag '" + tag
                        + "' must be key=value, e.g. env=prod");
            }
            if (tags.put(tag.substring(0, equals), tag.substring(equals + 1)) != null) {
                throw new IllegalArgumentException("account '" + name + "': tag key '" + tag.substring(0, equals)
                        + "' is declared twice");
            }
        }
        Set<String> users = new HashSet<>();
        for (String user : concat(account.iamUsers(), account.iamUsersWithMfa())) {
            if (!users.add(user)) {
                throw new IllegalArgumentException("account '" + name + "': IAM user '" + user
                        + "' is declared twice (iamUsers and iamUsersWithMfa together name each user once)");
            }
        }
        Set<String> regions;
        try {
            regions = RegionOptIns.requireKnown(List.of(account.enabledRegions()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("account '" + name + "': enabledRegions: " + e.getMessage(), e);
        }
        return new Account(name, OuPaths.normalize(account.ou()), tags, List.of(account.iamUsers()),
                List.of(account.iamUsersWithMfa()), regions);
    }

    private static List<String> concat(String[] first, String[] second) {
        List<String> all = new ArrayList<>(List.of(first));
        all.addAll(List.of(second));
        return all;
    }
}
