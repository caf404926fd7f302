package dev.cove.internal;

import dev.cove.CoveConfigurationException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.protocols.jsoncore.JsonNode;
import software.amazon.awssdk.protocols.jsoncore.JsonNodeParser;
import software.amazon.awssdk.protocols.jsoncore.JsonWriter;

/**
 * Finds the regions enabled in each account, for {@code regions("all")} and region globs.
 *
 * <p>First choice: {@code account:ListRegions} with {@code AccountId}, called from the calling account (for the
 * calling account itself, without {@code AccountId}), which assumes no role. Its quota is 5 requests per second
 * per account ("Rate of ListRegions requests per account: 5 per second, burst to 5",
 * https://docs.aws.amazon.com/accounts/latest/reference/quotas.html), so the calls are paced to 5 a second and
 * throttled ones retried. Fallback when it is denied (no permission, or trusted access for AWS Account Management
 * not enabled in the organization): {@code ec2:DescribeRegions} in the account, through its role, which is then
 * kept for the run so that it is assumed once.
 */
final class EnabledRegions {

    private static final Logger LOG = LoggerFactory.getLogger(EnabledRegions.class);

    /**
     * Enabled means ENABLED or ENABLED_BY_DEFAULT; ENABLING, DISABLING and DISABLED regions are not usable:
     * https://docs.aws.amazon.com/accounts/latest/reference/API_Region.html ("Valid Values: ENABLED | ENABLING |
     * DISABLING | DISABLED | ENABLED_BY_DEFAULT").
     */
    private static final Set<String> ENABLED = Set.of("ENABLED", "ENABLED_BY_DEFAULT");
    /**
     * DescribeRegions without AllRegions "Describes the Regions that are enabled for your account"; its optInStatus
     * is opt-in-not-required, opted-in or not-opted-in:
     * https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DescribeRegions.html
     */
    private static final Set<String> EC2_ENABLED = Set.of("opt-in-not-required", "opted-in");
    /** ListRegions' MaxResults is 1 to 50 (ListRegionsRequestMaxResultsInteger in the service model). */
    private static final int MAX_RESULTS = 50;
    /** The ListRegions quota: 5 requests per second per account. */
    private static final int LIST_REGIONS_PER_SECOND = 5;
    /** https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DescribeRegions.html, API version 2016-11-15. */
    private static final String DESCRIBE_REGIONS = "Action=DescribeRegions&Version=2016-11-15";

    private final SignedCall call;
    private final RegionEndpoints endpoints;
    private final AwsCredentialsProvider calling;
    private final AccountRoles roles;
    private final int concurrency;
    private final Pacer pacer = new Pacer(LIST_REGIONS_PER_SECOND);
    private final AtomicBoolean listRegionsDenied = new AtomicBoolean();

    /** Assumes an account's role, for the fallback. */
    @FunctionalInterface
    interface AccountRoles {
        /**
         * Returns a role of the account, not yet assumed.
         *
         * @param accountId the account
         * @return the role
         */
        AccountRole of(String accountId);
    }

    /**
     * What was found for one account.
     *
     * @param regions the enabled regions, or null when the role needed to read them could not be assumed
     * @param role the role assumed to read them (fallback), or null
     */
    record Lookup(Set<String> regions, AccountRole role) {
    }

    /**
     * Creates the finder.
     *
     * @param call sends the signed requests
     * @param endpoints where the requests go
     * @param calling the calling credentials
     * @param roles makes an account's role for the fallback
     * @param concurrency the most fallback lookups in flight (the run's workers)
     */
    EnabledRegions(SignedCall call, RegionEndpoints endpoints, AwsCredentialsProvider calling, AccountRoles roles,
            int concurrency) {
        this.call = call;
        this.endpoints = endpoints;
        this.calling = calling;
        this.roles = roles;
        this.concurrency = concurrency;
    }

    /**
     * Finds the enabled regions of every account. The first account is looked up alone, so that a denied
     * ListRegions sends every other account straight to the fallback.
     *
     * @param accountIds the accounts
     * @param host the calling account
     * @return the lookups by account ID
     * @throws CoveConfigurationException when an account's regions cannot be read either way
     */
    Map<String, Lookup> lookUp(List<String> accountIds, String host) {
        Map<String, Lookup> found = new ConcurrentHashMap<>();
        if (accountIds.isEmpty()) {
            return found;
        }
        try {
            found.put(accountIds.getFirst(), lookUp(accountIds.getFirst(), host));
            List<String> rest = accountIds.subList(1, accountIds.size());
            int inFlight = listRegionsDenied.get() ? concurrency : LIST_REGIONS_PER_SECOND;
            Bounded.map(rest, inFlight, "cove-regions-", id -> found.put(id, lookUp(id, host)));
        } catch (RuntimeException e) {
            // the selection fails: no run will use the roles assumed so far
            found.values().stream().map(Lookup::role).filter(java.util.Objects::nonNull).forEach(AccountRole::drop);
            throw e;
        }
        return found;
    }

    private Lookup lookUp(String accountId, String host) {
        boolean isHost = accountId.equals(host);
        if (!listRegionsDenied.get()) {
            try {
                return new Lookup(listRegions(isHost ? null : accountId), null);
            } catch (AwsServiceException e) {
                if (!OrganizationDirectory.isDenied(e)) {
                    throw failure(accountId, "account:ListRegions failed: " + OrganizationDirectory.describe(e), e);
                }
                if (listRegionsDenied.compareAndSet(false, true)) {
                    LOG.info("account:ListRegions is denied ({}); reading each account's enabled regions with "
                            + "ec2:DescribeRegions through its role instead", OrganizationDirectory.describe(e));
                }
            } catch (SdkException e) {
                throw failure(accountId, "account:ListRegions failed: " + e.getMessage(), e);
            }
        }
        if (isHost) {
            return new Lookup(describeRegions(accountId, calling), null);
        }
        AccountRole role = roles.of(accountId);
        AwsCredentialsProvider credentials;
        try {
            credentials = role.credentials();
        } catch (RuntimeException cannotAssume) {
            LOG.warn("Cannot read the regions enabled in account {}: its role cannot be assumed ({}); the run reports "
                    + "the account once, in the assuming region", accountId, cannotAssume.toString());
            return new Lookup(null, role);
        }
        try {
            return new Lookup(describeRegions(accountId, credentials), role);
        } catch (RuntimeException e) {
            role.drop();
            throw e;
        }
    }

    /**
     * Calls ListRegions, following every page:
     * https://docs.aws.amazon.com/accounts/latest/reference/API_ListRegions.html ({@code POST /listRegions} with
     * {@code AccountId}, {@code MaxResults}, {@code NextToken}; answers {@code Regions} of {@code RegionName} and
     * {@code RegionOptStatus}, and {@code NextToken}). "The management account can't specify its own AccountId",
     * so the calling account is asked about without one.
     */
    private Set<String> listRegions(String accountId) {
        RegionEndpoints.Endpoint endpoint = endpoints.account();
        Set<String> enabled = new LinkedHashSet<>();
        String nextToken = null;
        do {
            JsonWriter body = JsonWriter.create().writeStartObject();
            if (accountId != null) {
                body.writeFieldName("AccountId").writeValue(accountId);
            }
            body.writeFieldName("MaxResults").writeValue(MAX_RESULTS);
            if (nextToken != null) {
                body.writeFieldName("NextToken").writeValue(nextToken);
            }
            body.writeEndObject();
            pacer.await();
            byte[] answer = call.send(new SignedCall.Request("account", endpoint.uri(), endpoint.signingRegion(),
                    "/listRegions", "application/json", body.getBytes(), false), calling);
            JsonNode page = JsonNodeParser.create().parse(answer);
            for (JsonNode region : page.field("Regions").map(JsonNode::asArray).orElse(List.of())) {
                String name = region.field("RegionName").map(JsonNode::text).orElse(null);
                String status = region.field("RegionOptStatus").map(JsonNode::text).orElse(null);
                if (name != null && ENABLED.contains(status)) {
                    enabled.add(name);
                }
            }
            nextToken = page.field("NextToken").filter(token -> !token.isNull()).map(JsonNode::text)
                    .filter(token -> !token.isEmpty()).orElse(null);
        } while (nextToken != null);
        return enabled;
    }

    private Set<String> describeRegions(String accountId, AwsCredentialsProvider credentials) {
        RegionEndpoints.Endpoint endpoint = endpoints.ec2();
        byte[] answer;
        try {
            answer = call.send(new SignedCall.Request("ec2", endpoint.uri(), endpoint.signingRegion(), "/",
                    "application/x-www-form-urlencoded; charset=utf-8",
                    DESCRIBE_REGIONS.getBytes(StandardCharsets.UTF_8), true), credentials);
        } catch (AwsServiceException e) {
            throw failure(accountId, "account:ListRegions is denied, and ec2:DescribeRegions failed in the account: "
                    + OrganizationDirectory.describe(e), e);
        } catch (SdkException e) {
            throw failure(accountId, "account:ListRegions is denied, and ec2:DescribeRegions failed in the account: "
                    + e.getMessage(), e);
        }
        return parseDescribeRegions(accountId, answer);
    }

    /** Reads {@code regionInfo/item/regionName} (and {@code optInStatus} where sent) of a DescribeRegions answer. */
    private Set<String> parseDescribeRegions(String accountId, byte[] answer) {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        Set<String> enabled = new LinkedHashSet<>();
        try {
            XMLStreamReader xml = factory.createXMLStreamReader(new ByteArrayInputStream(answer));
            String name = null;
            String optIn = null;
            List<String> path = new ArrayList<>();
            while (xml.hasNext()) {
                int event = xml.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    path.add(xml.getLocalName());
                    if (xml.getLocalName().equals("item") && path.contains("regionInfo")) {
                        name = null;
                        optIn = null;
                    } else if (xml.getLocalName().equals("regionName")) {
                        name = xml.getElementText().strip();
                        path.removeLast();
                    } else if (xml.getLocalName().equals("optInStatus")) {
                        optIn = xml.getElementText().strip();
                        path.removeLast();
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    if (xml.getLocalName().equals("item") && path.contains("regionInfo") && name != null
                            && (optIn == null || EC2_ENABLED.contains(optIn))) {
                        enabled.add(name);
                    }
                    path.removeLast();
                }
            }
        } catch (XMLStreamException e) {
            throw failure(accountId, "ec2:DescribeRegions answered something that is not its XML: " + e.getMessage(),
                    e);
        }
        return enabled;
    }

    private static CoveConfigurationException failure(String accountId, String why, Throwable cause) {
        return new CoveConfigurationException("regions", accountId, "cannot read the regions enabled in account "
                + accountId + ": " + why + ". Allow account:ListRegions in the calling account (with trusted access "
                + "for AWS Account Management in the organization) or ec2:DescribeRegions in the role, or name the "
                + "regions instead of all or globs", cause);
    }

    /** Spaces calls so that at most {@code perSecond} start in any second. */
    private static final class Pacer {

        private final long intervalNanos;
        // guarded by this; System.nanoTime() may be negative, so no slot is taken before the first call
        private long next = Long.MIN_VALUE;

        Pacer(int perSecond) {
            this.intervalNanos = 1_000_000_000L / perSecond;
        }

        void await() {
            long wait;
            synchronized (this) {
                long now = System.nanoTime();
                long slot = Math.max(now, next);
                next = slot + intervalNanos;
                wait = slot - now;
            }
            if (wait > 0) {
                try {
                    Thread.sleep(java.time.Duration.ofNanos(wait));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("Interrupted while pacing account:ListRegions", e);
                }
            }
        }
    }
}
