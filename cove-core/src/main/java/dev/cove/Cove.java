package dev.cove;

import dev.cove.internal.CoveConfig;
import dev.cove.internal.CoveRun;
import dev.cove.internal.Option;
import dev.cove.internal.Options;
import dev.cove.internal.Shard;
import dev.cove.internal.TargetResolution;
import dev.cove.internal.TargetsFile;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.regions.Region;

/**
 * Runs a function in every selected AWS account × region, with a role assumed in each account, and
 * gathers every outcome.
 *
 * <pre>{@code
 * CoveOutput<Integer> out = Cove.create().run(session -> {
 *     IamClient iam = session.client(IamClient.builder());
 *     return iam.listUsersPaginator().users().stream().mapToInt(u -> 1).sum();
 * });
 * }</pre>
 *
 * <p>A {@code Cove} is immutable and thread-safe: it holds only settings, and every run creates (and
 * closes) its own clients, so one instance may be reused and run concurrently.
 */
public final class Cove {

    private final CoveConfig config;

    private Cove(CoveConfig config) {
        this.config = config;
    }

    /**
     * Returns a Cove with botocove's defaults: every ACTIVE member account of the organization but the calling one,
     * the default region, role {@code OrganizationAccountAccessRole}, 20 workers.
     *
     * @return a Cove with default settings
     */
    public static Cove create() {
        return builder().build();
    }

    /**
     * Returns a builder with botocove's defaults.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns a builder holding this Cove's settings, to derive a differently configured Cove.
     *
     * @return a new builder
     */
    public Builder toBuilder() {
        return new Builder(config);
    }

    /** The checked settings, for tests in this package. */
    CoveConfig config() {
        return config;
    }

    /**
     * Runs the function in every target and returns every outcome. Failures of single targets are
     * reported in the output, not thrown, unless {@code raiseException(true)} was set.
     *
     * @param fn the function to run
     * @param <T> the result type
     * @return every target's outcome
     * @throws CoveConfigurationException when the selection is invalid or leaves no eligible account
     * @throws CoveExecutionException with {@code raiseException(true)}, on the first failed target
     */
    public <T> CoveOutput<T> run(CoveFunction<T> fn) {
        return run(fn, result -> { });
    }

    /**
     * Reads a targets file as {@link Builder#targetsFile(Path)} reads it, without calling AWS, e.g. to compare a
     * plan with what ran.
     *
     * @param file the file: account IDs, CSV, JSON or JSON lines (a {@code cove targets -f jsonl} output)
     * @return its targets, in the file's order, each account × region once: the account ID, the region (null when
     *     the file names none) and the name and email the file gives
     * @throws CoveConfigurationException naming the file, the line and the value of a bad row, or why the file
     *     cannot be read
     */
    public static List<CoveTarget> readTargetsFile(Path file) {
        Objects.requireNonNull(file, "file");
        return TargetsFile.unread(file).targets();
    }

    /**
     * Runs the function in every target, telling the listener of each outcome as it completes.
     *
     * @param fn the function to run
     * @param listener called once per target, serialized; its exceptions are logged and contained
     * @param <T> the result type
     * @return every target's outcome
     * @throws CoveConfigurationException when the selection is invalid or leaves no eligible account
     * @throws CoveExecutionException with {@code raiseException(true)}, on the first failed target
     */
    public <T> CoveOutput<T> run(CoveFunction<T> fn, CoveListener<? super T> listener) {
        Objects.requireNonNull(fn, "fn");
        Objects.requireNonNull(listener, "listener");
        return CoveRun.execute(config, fn, listener);
    }

    /**
     * Runs the function in every target and hands each outcome to the listener as it completes, keeping none
     * of them: the run holds no finished result, so its memory stays flat however many targets it has (a
     * streaming output, a ledger written as the run goes). The listener hears of every target exactly once,
     * the skipped ones included, before this returns or throws.
     *
     * @param fn the function to run
     * @param listener called once per target, serialized; its exceptions are logged and contained
     * @param <T> the result type
     * @return how many targets ended with each outcome
     * @throws CoveConfigurationException when the selection is invalid or leaves no eligible account
     * @throws CoveExecutionException with {@code raiseException(true)}, on the first failed target; its
     *     {@link CoveExecutionException#output() output} is empty, since every outcome went to the listener
     */
    public <T> CoveCounts stream(CoveFunction<T> fn, CoveListener<? super T> listener) {
        Objects.requireNonNull(fn, "fn");
        Objects.requireNonNull(listener, "listener");
        return CoveRun.stream(config, fn, listener);
    }

    /**
     * Wraps a function, like botocove's {@code @cove} decorator: each call of the supplier runs it
     * across every target.
     *
     * @param fn the function to run
     * @param <T> the result type
     * @return a supplier that runs {@code fn} and returns its output
     */
    public <T> Supplier<CoveOutput<T>> wrap(CoveFunction<T> fn) {
        Objects.requireNonNull(fn, "fn");
        return () -> run(fn);
    }

    /**
     * Wraps a function that takes an argument: each call of the returned function runs it across every
     * target with that argument.
     *
     * @param fn the function to run
     * @param <A> the argument type
     * @param <T> the result type
     * @return a function that runs {@code fn} with its argument and returns its output
     */
    public <A, T> Function<A, CoveOutput<T>> wrap(CoveBiFunction<A, T> fn) {
        Objects.requireNonNull(fn, "fn");
        return arg -> run(session -> fn.apply(session, arg));
    }

    /**
     * Resolves every account × region a run would visit, with metadata, without assuming any role. One exception:
     * with {@code regions("all")} or region globs, where {@code account:ListRegions} is denied, each account's
     * regions are read with {@code ec2:DescribeRegions} through its role, so that role is assumed (and dropped).
     *
     * @return the targets, sorted by account ID, then by region order
     * @throws CoveConfigurationException when the selection is invalid or leaves no eligible account
     */
    public List<CoveTarget> targets() {
        return TargetResolution.resolve(config);
    }

    /**
     * Builds a {@link Cove}. Every option is optional; the defaults are botocove's. Values are checked by
     * {@link #build()}, which names the first bad value. A builder is not thread-safe.
     */
    public static final class Builder {

        /** The values set so far, by option; {@link CoveConfig#check} checks them and fills in defaults. */
        private final Map<Option<?>, Object> values = new HashMap<>();

        private Builder() {
        }

        private Builder(CoveConfig config) {
            values.putAll(config.values());
        }

        private <T> Builder set(Option<T> option, T value) {
            values.put(option, value);
            return this;
        }

        /** Copies a collection without rejecting null elements, which the option's check names. */
        private static List<String> copy(Collection<String> values) {
            return values == null ? null : Collections.unmodifiableList(new ArrayList<>(values));
        }

        /**
         * Selects accounts to run in: 12-digit account IDs, OU IDs (every account in the OU and all OUs
         * below it), OU paths such as {@code /Prod/Web} (the same as that OU's ID; {@code /} is the root) or root
         * IDs (the whole organization). Unset: every ACTIVE account. An OU path is resolved name by name from the
         * root with {@code ListOrganizationalUnitsForParent}; a name that does not exist, or that two sibling OUs
         * share, fails naming it.
         *
         * @param ids the IDs
         * @return this builder
         */
        public Builder targetIds(String... ids) {
            return targetIds(Arrays.asList(ids));
        }

        /**
         * Selects accounts to run in; see {@link #targetIds(String...)}. Null resets to every account.
         *
         * @param ids the IDs, or null
         * @return this builder
         */
        public Builder targetIds(Collection<String> ids) {
            return set(Options.TARGET_IDS, copy(ids));
        }

        /**
         * Excludes accounts: account IDs, OU IDs, OU paths or root IDs, taking precedence over {@code targetIds}.
         * The calling account is excluded too, unless {@link #includeHostAccount(boolean)} is set.
         *
         * @param ids the IDs
         * @return this builder
         */
        public Builder ignoreIds(String... ids) {
            return ignoreIds(Arrays.asList(ids));
        }

        /**
         * Excludes accounts; see {@link #ignoreIds(String...)}.
         *
         * @param ids the IDs, or null for none
         * @return this builder
         */
        public Builder ignoreIds(Collection<String> ids) {
            return set(Options.IGNORE_IDS, copy(ids));
        }

        /**
         * Reads the accounts to run in from a file, for setups without Organizations or with a curated list: plain
         * lines of 12-digit account IDs ({@code #} starts a comment), CSV with a header that has an {@code Id}
         * column, a JSON array or JSON lines of objects with {@code Id} and optionally {@code Name},
         * {@code Email} and {@code Region}. A {@code cove targets -f jsonl} output is such a file: a plan made once,
         * run many times. Rows with a {@code Region} give that account's regions (then {@code regions} must be
         * unset); other rows run in the run's regions. When the organization can be listed, every account of the
         * file must be an ACTIVE member of it. The file is read by {@link #build()}; a bad row fails naming the
         * file, the line and the value. With {@code targetIds} as well, both select accounts.
         *
         * @param file the file, or null for none
         * @return this builder
         */
        public Builder targetsFile(Path file) {
            return set(Options.TARGETS_FILE, file == null ? null : TargetsFile.unread(file));
        }

        /**
         * Keeps only the accounts that match every one of these filters. Each expression is
         * {@code KEY=GLOB[,GLOB...]}, the globs being alternatives ({@code *} any text, {@code ?} one character);
         * keys: {@code id}, {@code name}, {@code email}, {@code state}, {@code ou} (an OU path glob such as
         * {@code /Prod/**}, where {@code **} is any depth, {@code /Prod/**} including {@code /Prod} itself) and
         * {@code tag:KEY}. Values are matched case-sensitively. An {@code ou} filter makes Cove walk the OU tree
         * (two Organizations listings per OU); a {@code tag:} filter reads each selected account's tags (one
         * {@code ListTagsForResource} listing per account).
         *
         * @param expressions e.g. {@code "tag:env=prod"}, {@code "name=prod-*,shared-*"}
         * @return this builder
         */
        public Builder include(String... expressions) {
            return include(Arrays.asList(expressions));
        }

        /**
         * Keeps only the accounts that match every one of these filters; see {@link #include(String...)}.
         *
         * @param expressions the filter expressions, or null for none
         * @return this builder
         */
        public Builder include(Collection<String> expressions) {
            return set(Options.INCLUDE, copy(expressions));
        }

        /**
         * Removes the accounts that match any of these filters; same expressions as
         * {@link #include(String...)}.
         *
         * @param expressions e.g. {@code "ou=/Sandbox/**"}, {@code "tag:env=dev,test"}
         * @return this builder
         */
        public Builder exclude(String... expressions) {
            return exclude(Arrays.asList(expressions));
        }

        /**
         * Removes the accounts that match any of these filters; see {@link #exclude(String...)}.
         *
         * @param expressions the filter expressions, or null for none
         * @return this builder
         */
        public Builder exclude(Collection<String> expressions) {
            return set(Options.EXCLUDE, copy(expressions));
        }

        /**
         * Keeps only the accounts this predicate accepts, after {@code include} and {@code exclude}. It sees each
         * account's metadata, OU path and tags ({@link CoveAccount}); to give it those, Cove walks the OU tree and
         * reads every selected account's tags, which costs a few Organizations calls per OU and one per account
         * (prefer {@code include}/{@code exclude} expressions, which read only what they use). It is called before
         * any role is assumed; an exception it throws fails the selection.
         *
         * @param filter the predicate, or null for none
         * @return this builder
         */
        public Builder accountFilter(Predicate<CoveAccount> filter) {
            return set(Options.ACCOUNT_FILTER, filter);
        }

        /**
         * Runs in the calling account too, with the calling credentials: no role is assumed there, and its
         * {@link SessionInformation#roleName()} is null. Default false: the calling account is always left out,
         * as botocove does. {@code ignoreIds} and the account filters still apply to it.
         *
         * @param includeHostAccount whether to run in the calling account
         * @return this builder
         */
        public Builder includeHostAccount(boolean includeHostAccount) {
            return set(Options.INCLUDE_HOST_ACCOUNT, includeHostAccount);
        }

        /**
         * Sets the role to assume in every account. Default {@code OrganizationAccountAccessRole}.
         *
         * @param roleName the IAM role name, optionally with a path
         * @return this builder
         */
        public Builder roleName(String roleName) {
            return set(Options.ROLE_NAME, roleName);
        }

        /**
         * Sets the role session name passed to {@code sts:AssumeRole}. Default: the role name.
         *
         * @param roleSessionName 2-64 characters of {@code [\w+=,.@-]}
         * @return this builder
         */
        public Builder roleSessionName(String roleSessionName) {
            return set(Options.ROLE_SESSION_NAME, roleSessionName);
        }

        /**
         * Sets an inline session policy (JSON) that further limits the assumed role.
         *
         * @param policy the policy document, or null for none
         * @return this builder
         */
        public Builder policy(String policy) {
            return set(Options.POLICY, policy);
        }

        /**
         * Sets managed session policies that further limit the assumed role.
         *
         * @param arns IAM policy ARNs
         * @return this builder
         */
        public Builder policyArns(String... arns) {
            return policyArns(Arrays.asList(arns));
        }

        /**
         * Sets managed session policies; see {@link #policyArns(String...)}.
         *
         * @param arns IAM policy ARNs, or null for none
         * @return this builder
         */
        public Builder policyArns(Collection<String> arns) {
            return set(Options.POLICY_ARNS, copy(arns));
        }

        /**
         * Sets the external ID passed to {@code sts:AssumeRole}.
         *
         * @param externalId the external ID, or null for none
         * @return this builder
         */
        public Builder externalId(String externalId) {
            return set(Options.EXTERNAL_ID, externalId);
        }

        /**
         * Sets the credentials that call STS and Organizations (botocove's {@code assuming_session}).
         * Cove never closes them. Default: the SDK's default credentials chain.
         *
         * @param credentials the calling credentials, or null for the default chain
         * @return this builder
         */
        public Builder assumingCredentials(AwsCredentialsProvider credentials) {
            return set(Options.ASSUMING_CREDENTIALS, credentials);
        }

        /**
         * Sets the region of the STS and Organizations clients, and the target region when no
         * {@code regions} are given. Default: the default region chain.
         *
         * @param region the region, or null for the default chain
         * @return this builder
         */
        public Builder assumingRegion(Region region) {
            return set(Options.ASSUMING_REGION, region);
        }

        /**
         * Makes the first failure end the run: no new targets start, running ones are interrupted, and
         * {@code run} throws {@link CoveExecutionException}. Default false: every outcome is reported.
         *
         * @param raiseException whether to stop at the first failure
         * @return this builder
         */
        public Builder raiseException(boolean raiseException) {
            return set(Options.RAISE_EXCEPTION, raiseException);
        }

        /**
         * Sets how many targets run at once. Default 20; each worker is a virtual thread, so hundreds or
         * thousands are cheap.
         *
         * @param threadWorkers at least 1
         * @return this builder
         */
        public Builder threadWorkers(int threadWorkers) {
            return set(Options.THREAD_WORKERS, threadWorkers);
        }

        /**
         * Sets the regions to run in. Region names run in every account; {@code all} means each account's enabled
         * regions, and globs such as {@code us-*} expand over them; a named region that an account has not enabled
         * is then left out for that account too. A disabled opt-in region is never looked up into a run. The
         * enabled regions are read with {@code account:ListRegions} from the calling account (at most 5 calls a
         * second, its quota), or, where that is denied, with {@code ec2:DescribeRegions} in each account through its
         * role. Default: the assuming region.
         *
         * @param regions region names such as {@code us-east-1}, {@code all}, or globs such as {@code eu-*}
         * @return this builder
         */
        public Builder regions(String... regions) {
            return regions(Arrays.asList(regions));
        }

        /**
         * Sets the regions to run in; see {@link #regions(String...)}. Null resets to the default.
         *
         * @param regions region names, or null
         * @return this builder
         */
        public Builder regions(Collection<String> regions) {
            return set(Options.REGIONS, copy(regions));
        }

        /**
         * Leaves regions out of every account: region names or globs such as {@code ap-*}.
         *
         * @param regions the regions to leave out
         * @return this builder
         */
        public Builder excludeRegions(String... regions) {
            return excludeRegions(Arrays.asList(regions));
        }

        /**
         * Leaves regions out of every account; see {@link #excludeRegions(String...)}.
         *
         * @param regions the regions to leave out, or null for none
         * @return this builder
         */
        public Builder excludeRegions(Collection<String> regions) {
            return set(Options.EXCLUDE_REGIONS, copy(regions));
        }

        /**
         * Sets the partition used in role ARNs. Default: the partition of the caller's identity.
         *
         * @param partition e.g. {@code aws}, {@code aws-us-gov}, {@code aws-cn}
         * @return this builder
         */
        public Builder partition(String partition) {
            return set(Options.PARTITION, partition);
        }

        /**
         * Sends STS, Organizations and every client made by {@link CoveSession#client} to this endpoint
         * (a local emulator, a VPC endpoint). Default: the SDK's own resolution, including
         * {@code AWS_ENDPOINT_URL}.
         *
         * @param endpoint the endpoint, or null
         * @return this builder
         */
        public Builder endpointOverride(URI endpoint) {
            return set(Options.ENDPOINT_OVERRIDE, endpoint);
        }

        /**
         * Forces the progress bar on stderr on or off. Default: on only when stderr is a terminal.
         *
         * @param progress whether to draw the progress bar
         * @return this builder
         */
        public Builder progress(boolean progress) {
            return set(Options.PROGRESS, progress);
        }

        /**
         * Limits how long the function may run in one target. When the time is up Cove interrupts the
         * function and reports the target as an exception ({@link java.util.concurrent.TimeoutException});
         * a function that ignores interruption is reported when it returns. Default: no limit.
         *
         * @param timeout a positive duration, or null for no limit
         * @return this builder
         */
        public Builder timeout(Duration timeout) {
            return set(Options.TIMEOUT, timeout);
        }

        /**
         * Sets how many targets may fail (exception or failed AssumeRole) before Cove stops starting new
         * ones, like CloudFormation StackSets' failure tolerance. Targets already running finish; the rest
         * are reported in {@link CoveOutput#skipped()}. Default: no limit.
         *
         * @param maxFailures 0 or more; -1 for no limit
         * @return this builder
         */
        public Builder maxFailures(int maxFailures) {
            return set(Options.MAX_FAILURES, maxFailures);
        }

        /**
         * Limits how long one attempt of Cove's own STS and Organizations calls may take before it is
         * abandoned and retried, so that a hanging endpoint cannot stall a run. A call, with its retries,
         * takes at most four times this. Default 30 seconds.
         *
         * @param apiCallAttemptTimeout a positive duration
         * @return this builder
         */
        public Builder apiCallAttemptTimeout(Duration apiCallAttemptTimeout) {
            return set(Options.API_CALL_ATTEMPT_TIMEOUT, apiCallAttemptTimeout);
        }

        /**
         * Runs exactly these targets instead of resolving a selection: a plan made once (by
         * {@link Cove#targets()}, or by {@code cove targets -f jsonl}) and run many times, e.g. by every
         * shard of a run spread over machines, without each listing the organization. The organization is
         * not listed: each target's metadata is reported as the plan gives it. A target whose region is null
         * runs in the run's regions ({@code regions}, else the assuming region). {@code ignoreIds} and the
         * calling account still leave accounts out; {@code targetIds} must be unset. Default: none.
         *
         * @param targets the targets, each account × region once; null resets to resolving the selection
         * @return this builder
         */
        public Builder plan(Collection<CoveTarget> targets) {
            return set(Options.PLAN, targets == null ? null : Collections.unmodifiableList(new ArrayList<>(targets)));
        }

        /**
         * Runs only the {@code index}-th of {@code count} disjoint shares of the targets, so that
         * {@code count} runs (on as many machines) together visit every target exactly once. Each share holds
         * whole accounts, so each role is still assumed once per account: in account ID order, each account
         * goes to the share with the fewest targets so far. The same targets always share out the same way,
         * and the shares differ by at most one account's regions. Every share must start from the same
         * targets: give each the same {@link #plan(Collection) plan}, or keep the organization unchanged while
         * they start. A share may be empty when there are fewer accounts than shares. Default: no sharding.
         *
         * @param index which share, 0 to {@code count - 1}
         * @param count how many shares, at least 1
         * @return this builder
         */
        public Builder shard(int index, int count) {
            return set(Options.SHARD, new Shard(index, count));
        }

        /**
         * Checks every setting and builds an immutable Cove.
         *
         * @return the Cove
         * @throws CoveConfigurationException naming the first option whose value cannot work
         */
        public Cove build() {
            return new Cove(CoveConfig.check(values));
        }
    }
}
