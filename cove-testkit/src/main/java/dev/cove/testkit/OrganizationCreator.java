package dev.cove.testkit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.organizations.model.AlreadyInOrganizationException;
import software.amazon.awssdk.services.organizations.model.CreateAccountState;
import software.amazon.awssdk.services.organizations.model.CreateAccountStatus;
import software.amazon.awssdk.services.organizations.model.Organization;
import software.amazon.awssdk.services.organizations.model.OrganizationFeatureSet;
import software.amazon.awssdk.services.organizations.model.Tag;

/** Creates an {@link OrganizationPlan} in moto through the Organizations API. */
final class OrganizationCreator {

    private static final Logger LOG = LoggerFactory.getLogger(OrganizationCreator.class);
    private static final Duration CREATE_ACCOUNT_TIMEOUT = Duration.ofSeconds(30);

    private final OrganizationsClient organizations;
    private final int concurrency;

    OrganizationCreator(OrganizationsClient organizations, int concurrency) {
        this.organizations = organizations;
        this.concurrency = concurrency;
    }

    OrgFixture create(OrganizationPlan plan) {
        long started = System.nanoTime();
        Organization organization = createOrganization();
        String rootId = organizations.listRoots(r -> { }).roots().getFirst().id();
        List<OrgUnit> units = createOus(plan, rootId);
        Map<String, String> ouIds = new ConcurrentHashMap<>();
        ouIds.put("", rootId);
        units.forEach(unit -> ouIds.put(unit.path(), unit.id()));
        List<OrgAccount> accounts = Parallel.map(plan.accounts(), concurrency,
                account -> "creating account " + account.name(),
                account -> createAccount(account, rootId, ouIds.get(account.ouPath())));
        LOG.info("built organization {} with {} OUs and {} accounts in {} ms", organization.id(),
                units.size(), accounts.size(), Duration.ofNanos(System.nanoTime() - started).toMillis());
        return new OrgFixture(organization.id(), organization.masterAccountId(), rootId, units, accounts);
    }

    private Organization createOrganization() {
        try {
            return organizations.createOrganization(r -> r.featureSet(OrganizationFeatureSet.ALL))
                    .organization();
        } catch (AlreadyInOrganizationException e) {
            throw new IllegalStateException("moto already holds an organization for this account; "
                    + "reset moto (MotoServer.reset()) before building another", e);
        }
    }

    /** Creates OUs level by level so every parent exists before its children. */
    private List<OrgUnit> createOus(OrganizationPlan plan, String rootId) {
        Map<String, String> ids = new ConcurrentHashMap<>();
        ids.put("", rootId);
        Map<String, OrgUnit> created = new ConcurrentHashMap<>();
        for (int depth = 1; depth <= plan.maxDepth(); depth++) {
            int level = depth;
            List<OrganizationPlan.PlannedOu> ous = plan.ous().stream()
                    .filter(ou -> ou.depth() == level).toList();
            Parallel.map(ous, concurrency, ou -> "creating OU " + ou.path(), ou -> {
                String parentId = ids.get(ou.parentPath());
                String id = organizations.createOrganizationalUnit(r -> r.parentId(parentId).name(ou.name()))
                        .organizationalUnit().id();
                ids.put(ou.path(), id);
                created.put(ou.path(), new OrgUnit(id, ou.name(), ou.path(), parentId));
                return id;
            });
        }
        List<OrgUnit> units = new ArrayList<>(plan.ous().size());
        plan.ous().forEach(ou -> units.add(created.get(ou.path())));
        return units;
    }

    private OrgAccount createAccount(OrganizationPlan.PlannedAccount account, String rootId, String ouId) {
        List<Tag> tags = account.tags().entrySet().stream()
                .map(tag -> Tag.builder().key(tag.getKey()).value(tag.getValue()).build())
                .toList();
        CreateAccountStatus status = organizations
                .createAccount(r -> r.accountName(account.name()).email(account.email()).tags(tags))
                .createAccountStatus();
        String accountId = awaitCreated(status, account.name());
        if (!ouId.equals(rootId)) {
            organizations.moveAccount(r -> r.accountId(accountId).sourceParentId(rootId)
                    .destinationParentId(ouId));
        }
        return new OrgAccount(accountId, account.name(), account.email(), ouId, account.ouPath(), account.tags());
    }

    private String awaitCreated(CreateAccountStatus initial, String name) {
        CreateAccountStatus status = initial;
        long deadline = System.nanoTime() + CREATE_ACCOUNT_TIMEOUT.toNanos();
        while (status.state() == CreateAccountState.IN_PROGRESS && System.nanoTime() < deadline) {
            sleep();
            String requestId = status.id();
            status = organizations.describeCreateAccountStatus(r -> r.createAccountRequestId(requestId))
                    .createAccountStatus();
        }
        if (status.state() != CreateAccountState.SUCCEEDED || status.accountId() == null) {
            throw new IllegalStateException("CreateAccount for '" + name + "' ended in state "
                    + status.stateAsString() + (status.failureReason() == null ? ""
                    : " (" + status.failureReasonAsString() + ")"));
        }
        return status.accountId();
    }

    private static void sleep() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for CreateAccount", e);
        }
    }
}
