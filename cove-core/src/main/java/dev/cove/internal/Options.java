package dev.cove.internal;

import dev.cove.CoveAccount;
import dev.cove.CoveTarget;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.regions.Region;

/**
 * Every setting of a {@link dev.cove.Cove}, declared once: its name, its default and its rule. The builder
 * stores values under these, {@link CoveConfig} checks them in this order, and {@code toBuilder} copies them.
 */
public final class Options {

    /** The role botocove and AWS Organizations use by default. */
    static final String DEFAULT_ROLE_NAME = "OrganizationAccountAccessRole";

    public static final Option<List<String>> TARGET_IDS =
            Option.of("targetIds", null, ids -> Validation.ids("targetIds", ids, false));
    public static final Option<List<String>> IGNORE_IDS =
            Option.of("ignoreIds", List.of(), ids -> Validation.ids("ignoreIds", ids, true));
    /** Read when the configuration is checked. */
    public static final Option<TargetsFile> TARGETS_FILE =
            Option.of("targetsFile", null, file -> file == null ? null : file.read());
    public static final Option<List<String>> INCLUDE =
            Option.of("include", List.of(), expressions -> Validation.filters("include", expressions));
    public static final Option<List<String>> EXCLUDE =
            Option.of("exclude", List.of(), expressions -> Validation.filters("exclude", expressions));
    public static final Option<Predicate<CoveAccount>> ACCOUNT_FILTER = Option.unchecked("accountFilter", null);
    public static final Option<Boolean> INCLUDE_HOST_ACCOUNT = Option.unchecked("includeHostAccount", false);
    public static final Option<String> ROLE_NAME = Option.of("roleName", DEFAULT_ROLE_NAME, Validation::roleName);
    /** Null until {@link CoveConfig} derives it from the role name. */
    public static final Option<String> ROLE_SESSION_NAME =
            Option.of("roleSessionName", null, name -> name == null ? null : Validation.roleSessionName(name));
    public static final Option<String> POLICY = Option.of("policy", null, Validation::policy);
    public static final Option<List<String>> POLICY_ARNS = Option.of("policyArns", List.of(), Validation::policyArns);
    public static final Option<String> EXTERNAL_ID = Option.of("externalId", null, Validation::externalId);
    public static final Option<AwsCredentialsProvider> ASSUMING_CREDENTIALS =
            Option.unchecked("assumingCredentials", null);
    public static final Option<Region> ASSUMING_REGION = Option.of("assumingRegion", null,
            region -> region == null ? null : Region.of(Validation.region(region.id(), "assumingRegion")));
    public static final Option<Boolean> RAISE_EXCEPTION = Option.unchecked("raiseException", false);
    public static final Option<Integer> THREAD_WORKERS = Option.of("threadWorkers", 20, Validation::threadWorkers);
    public static final Option<List<String>> REGIONS = Option.of("regions", null, Validation::regions);
    public static final Option<List<String>> EXCLUDE_REGIONS =
            Option.of("excludeRegions", List.of(), Validation::excludeRegions);
    public static final Option<String> PARTITION = Option.of("partition", null, Validation::partition);
    public static final Option<URI> ENDPOINT_OVERRIDE = Option.of("endpointOverride", null, Validation::endpoint);
    /** Null: draw the progress bar only when stderr is a terminal. */
    public static final Option<Boolean> PROGRESS = Option.unchecked("progress", null);
    public static final Option<Duration> TIMEOUT =
            Option.of("timeout", null, timeout -> timeout == null ? null : Validation.positive("timeout", timeout));
    /** -1: no limit. */
    public static final Option<Integer> MAX_FAILURES = Option.of("maxFailures", -1, Validation::maxFailures);
    public static final Option<Duration> API_CALL_ATTEMPT_TIMEOUT = Option.of("apiCallAttemptTimeout",
            Duration.ofSeconds(30), timeout -> Validation.positive("apiCallAttemptTimeout", timeout));
    /** Null: resolve the selection; otherwise exactly these targets (a region of null: the run's regions). */
    public static final Option<List<CoveTarget>> PLAN = Option.of("plan", null, Plans::check);
    /** Null: every target of the plan. */
    public static final Option<Shard> SHARD = Option.of("shard", null, Shard::check);

    /** Every option, in the order {@link CoveConfig} checks them. */
    public static final List<Option<?>> ALL = List.of(TARGET_IDS, IGNORE_IDS, TARGETS_FILE, INCLUDE, EXCLUDE,
            ACCOUNT_FILTER, INCLUDE_HOST_ACCOUNT, ROLE_NAME, ROLE_SESSION_NAME, POLICY, POLICY_ARNS, EXTERNAL_ID,
            ASSUMING_CREDENTIALS, ASSUMING_REGION, RAISE_EXCEPTION, THREAD_WORKERS, REGIONS, EXCLUDE_REGIONS, PARTITION,
            ENDPOINT_OVERRIDE, PROGRESS, TIMEOUT, MAX_FAILURES, API_CALL_ATTEMPT_TIMEOUT, PLAN, SHARD);

    private Options() {
    }
}
