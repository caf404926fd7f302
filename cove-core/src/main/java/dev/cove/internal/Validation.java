package dev.cove.internal;

import dev.cove.CoveConfigurationException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import software.amazon.awssdk.regions.Region;

/** Checks of user input, each failing with a message that names the option, the value and the rule. */
public final class Validation {

    /** The most workers a run accepts; beyond it the connection pool alone would exhaust the machine. */
    public static final int MAX_THREAD_WORKERS = 10_000;

    private static final Pattern ROLE_NAME = Pattern.compile("(?:[\\w+=,.@-]+/)*[\\w+=,.@-]{1,64}");
    private static final Pattern SESSION_NAME = Pattern.compile("[\\w+=,.@-]{2,64}");
    private static final Pattern EXTERNAL_ID = Pattern.compile("[\\w+=,.@:/-]{2,1224}");
    private static final Pattern POLICY_ARN = Pattern.compile("arn:aws[a-z-]*:iam::(?:\\d{12}|aws):policy/[\\w+=,.@/-]+");
    private static final Pattern PARTITION = Pattern.compile("aws(?:-[a-z]+)*");
    private static final Pattern REGION_GLOB = Pattern.compile("[a-z0-9*?-]+");
    private static final int MAX_POLICY_CHARS = 2048;
    private static final int MAX_POLICY_ARNS = 10;
    private static final Set<String> KNOWN_REGIONS = Region.regions().stream()
            .filter(r -> !r.isGlobalRegion())
            .map(Region::id)
            .collect(Collectors.toUnmodifiableSet());

    private Validation() {
    }

    /**
     * Checks a list of account, OU or root IDs and returns an immutable, de-duplicated copy.
     *
     * @param option the option name, for messages
     * @param ids the IDs, or null for "not set"
     * @param mayBeEmpty whether an empty list is acceptable
     * @return the checked IDs in their given order, or null when {@code ids} is null
     */
    public static List<String> ids(String option, Collection<String> ids, boolean mayBeEmpty) {
        if (ids == null) {
            return null;
        }
        if (ids.isEmpty() && !mayBeEmpty) {
            throw fail(option, "[]", "must not be empty: leave it unset to run in every ACTIVE account of the "
                    + "organization, or give account IDs, OU IDs, OU paths or a root ID");
        }
        Set<String> checked = new LinkedHashSet<>();
        for (String id : ids) {
            String trimmed = id == null ? null : id.trim();
            Ids.Kind kind = Ids.kindOf(trimmed, option);
            checked.add(kind == Ids.Kind.PATH ? OuPath.normalize(trimmed) : trimmed);
        }
        return List.copyOf(checked);
    }

    /**
     * Checks the regions to run in and returns an immutable, de-duplicated copy in the given order: region names,
     * {@code all} (every region enabled in the account) or globs such as {@code us-*}.
     *
     * @param regions the regions, or null for "not set"
     * @return the checked regions, or null when {@code regions} is null
     */
    public static List<String> regions(Collection<String> regions) {
        if (regions == null) {
            return null;
        }
        if (regions.isEmpty()) {
            throw fail("regions", "[]", "must not be empty: leave it unset to use the default region, or name "
                    + "regions such as us-east-1, or all, or a glob such as eu-*");
        }
        Set<String> checked = new LinkedHashSet<>();
        for (String region : regions) {
            String trimmed = region == null ? null : region.trim();
            if (RegionSelection.ALL.equals(trimmed)) {
                checked.add(trimmed);
            } else {
                checked.add(regionOrGlob(trimmed, "regions"));
            }
        }
        return List.copyOf(checked);
    }

    /**
     * Checks the regions to leave out: region names or globs.
     *
     * @param regions the regions, or null for none
     * @return an immutable, de-duplicated copy, empty when none
     */
    public static List<String> excludeRegions(Collection<String> regions) {
        if (regions == null) {
            return List.of();
        }
        Set<String> checked = new LinkedHashSet<>();
        for (String region : regions) {
            String trimmed = region == null ? null : region.trim();
            if (RegionSelection.ALL.equals(trimmed)) {
                throw fail("excludeRegions", trimmed, "'all' would leave no region; name the regions to leave out, "
                        + "or globs such as ap-*");
            }
            checked.add(regionOrGlob(trimmed, "excludeRegions"));
        }
        return List.copyOf(checked);
    }

    /**
     * Checks a region name, or a glob that matches at least one region the AWS SDK knows.
     *
     * @param region the name or glob
     * @param option the option it was given in
     * @return the name or glob
     */
    private static String regionOrGlob(String region, String option) {
        if (region != null && Glob.isPattern(region)) {
            Pattern glob = Glob.compile(region);
            if (!REGION_GLOB.matcher(region).matches()
                    || KNOWN_REGIONS.stream().noneMatch(known -> glob.matcher(known).matches())) {
                throw fail(option, region, "the glob " + Ids.quote(region) + " matches no AWS region; use a glob "
                        + "such as us-* or eu-?est-1 (* matches any text, ? one character)");
            }
            return region;
        }
        return region(region, option);
    }

    /**
     * Checks account filter expressions ({@code KEY=GLOB[,GLOB...]}).
     *
     * @param option {@code include} or {@code exclude}
     * @param expressions the expressions, or null for none
     * @return an immutable copy without repeats, empty when none
     */
    public static List<String> filters(String option, Collection<String> expressions) {
        if (expressions == null) {
            return List.of();
        }
        Set<String> checked = new LinkedHashSet<>();
        for (String expression : expressions) {
            checked.add(AccountFilter.parse(option, expression).expression());
        }
        return List.copyOf(checked);
    }

    /**
     * Checks one region name against the regions the AWS SDK knows.
     *
     * @param region the region name
     * @param option the option it was given in
     * @return the region name
     */
    public static String region(String region, String option) {
        if (region == null || !KNOWN_REGIONS.contains(region)) {
            throw fail(option, region, "unknown AWS region " + Ids.quote(region)
                    + "; use a region name such as us-east-1 or eu-west-2"
                    + ("regions".equals(option) ? ", all, or a glob such as eu-*" : ""));
        }
        return region;
    }

    /**
     * Checks an IAM role name (optionally with a path, e.g. {@code admin/Auditor}).
     *
     * @param roleName the role name
     * @return the role name
     */
    public static String roleName(String roleName) {
        if (roleName == null || !ROLE_NAME.matcher(roleName).matches()) {
            throw fail("roleName", roleName, "not a valid IAM role name: " + Ids.quote(roleName)
                    + "; it must be 1-64 characters of letters, digits and +=,.@_- (optionally after a path/)");
        }
        return roleName;
    }

    /**
     * Checks an STS role session name.
     *
     * @param sessionName the session name
     * @return the session name
     */
    public static String roleSessionName(String sessionName) {
        if (sessionName == null || !SESSION_NAME.matcher(sessionName).matches()) {
            throw fail("roleSessionName", sessionName, "not a valid STS role session name: "
                    + Ids.quote(sessionName) + "; it must be 2-64 characters of letters, digits and +=,.@_-");
        }
        return sessionName;
    }

    /**
     * Derives the default session name from a role name: its last path segment, padded to STS's minimum.
     *
     * @param roleName a valid role name
     * @return a valid session name
     */
    public static String defaultSessionName(String roleName) {
        String name = roleName.substring(roleName.lastIndexOf('/') + 1);
        return name.length() < 2 ? name + "-cove" : name;
    }

    /**
     * Checks a session policy's size: STS accepts at most 2,048 characters of plain text
     * (https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRole.html). Its JSON is not parsed here:
     * STS checks the document itself and answers {@code MalformedPolicyDocument}, which Cove reports as the
     * account's failed role assumption with AWS's own explanation, so a second, weaker parser in Cove would
     * only disagree with AWS at the edges.
     *
     * @param policy the policy, or null
     * @return the policy, or null
     */
    public static String policy(String policy) {
        if (policy == null) {
            return null;
        }
        if (policy.isBlank()) {
            throw fail("policy", policy, "is blank; leave it unset for no session policy, or give a JSON policy "
                    + "document");
        }
        if (policy.length() > MAX_POLICY_CHARS) {
            throw fail("policy", abbreviate(policy), "is " + policy.length() + " characters long; STS accepts "
                    + "session policies of at most " + MAX_POLICY_CHARS + " characters");
        }
        return policy;
    }

    /**
     * Checks managed session policy ARNs.
     *
     * @param arns the ARNs, or null
     * @return an immutable, de-duplicated copy, empty when none
     */
    public static List<String> policyArns(Collection<String> arns) {
        if (arns == null) {
            return List.of();
        }
        Set<String> checked = new LinkedHashSet<>();
        for (String arn : arns) {
            if (arn == null || !POLICY_ARN.matcher(arn.trim()).matches()) {
                throw fail("policyArns", arn, "not an IAM policy ARN: " + Ids.quote(arn)
                        + "; expected e.g. arn:aws:iam::aws:policy/ReadOnlyAccess");
            }
            checked.add(arn.trim());
        }
        if (checked.size() > MAX_POLICY_ARNS) {
            throw fail("policyArns", null, checked.size() + " ARNs given; STS accepts at most " + MAX_POLICY_ARNS);
        }
        return List.copyOf(new ArrayList<>(checked));
    }

    /**
     * Checks an external ID.
     *
     * @param externalId the external ID, or null
     * @return the external ID, or null
     */
    public static String externalId(String externalId) {
        if (externalId != null && !EXTERNAL_ID.matcher(externalId).matches()) {
            // Not a secret (docs/security.md): named like every other value.
            throw fail("externalId", externalId, "not a valid external ID: " + Ids.quote(externalId)
                    + "; it must be 2-1224 characters of letters, digits and +=,.@:/_-");
        }
        return externalId;
    }

    /**
     * Checks a partition name.
     *
     * @param partition the partition, or null for "from the caller's identity"
     * @return the partition, or null
     */
    public static String partition(String partition) {
        if (partition != null && !PARTITION.matcher(partition).matches()) {
            throw fail("partition", partition, "not an AWS partition: " + Ids.quote(partition)
                    + "; use aws, aws-cn, aws-us-gov or another aws-* partition");
        }
        return partition;
    }

    /**
     * Checks the number of workers.
     *
     * @param workers the number of targets run at once
     * @return the number
     */
    public static Integer threadWorkers(Integer workers) {
        if (workers < 1) {
            throw fail("threadWorkers", String.valueOf(workers), "must be at least 1, got " + workers);
        }
        if (workers > MAX_THREAD_WORKERS) {
            throw fail("threadWorkers", String.valueOf(workers), "must be at most " + MAX_THREAD_WORKERS + ", got "
                    + workers);
        }
        return workers;
    }

    /**
     * Checks an endpoint override.
     *
     * @param endpoint the endpoint, or null
     * @return the endpoint, or null
     */
    public static URI endpoint(URI endpoint) {
        if (endpoint != null && (endpoint.getScheme() == null || endpoint.getHost() == null
                || !(endpoint.getScheme().equals("http") || endpoint.getScheme().equals("https")))) {
            throw fail("endpointOverride", endpoint.toString(), "must be an http or https URL such as "
                    + "http://127.0.0.1:5000, got " + Ids.quote(endpoint.toString()));
        }
        return endpoint;
    }

    /**
     * Checks that a duration is positive.
     *
     * @param option the option, for messages
     * @param duration the duration
     * @return the duration
     */
    public static Duration positive(String option, Duration duration) {
        if (duration == null || duration.isNegative() || duration.isZero()) {
            throw fail(option, String.valueOf(duration), "must be positive, got " + duration);
        }
        return duration;
    }

    /**
     * Checks a failure tolerance.
     *
     * @param maxFailures 0 or more, or -1 for no limit
     * @return the tolerance
     */
    public static Integer maxFailures(Integer maxFailures) {
        if (maxFailures < -1) {
            throw fail("maxFailures", String.valueOf(maxFailures), "must be 0 or more (or -1 for no limit), got "
                    + maxFailures);
        }
        return maxFailures;
    }

    /**
     * Returns the exception for a setting that cannot work.
     *
     * @param option the builder option
     * @param value the bad value as text, or null
     * @param rule what is wrong and how to fix it
     * @return the exception to throw
     */
    public static CoveConfigurationException fail(String option, String value, String rule) {
        return new CoveConfigurationException(option, value, rule, null);
    }

    private static String abbreviate(String text) {
        String oneLine = text.replaceAll("\\s+", " ").strip();
        return oneLine.length() <= 60 ? oneLine : oneLine.substring(0, 57) + "...";
    }
}
