package dev.cove.cli;

import dev.cove.Cove;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The SELECTION options shared by {@code cove targets} and {@code cove exec}: which accounts and regions,
 * which role, whose credentials. Each maps to one {@link Cove.Builder} option; list options take
 * comma-separated values and may repeat.
 */
public final class SelectionOptions {

    @Spec(Spec.Target.MIXEE)
    private CommandSpec mixee;

    @Option(names = "--target-ids", split = ",", paramLabel = "ID",
            description = "Accounts to run in: 12-digit account IDs, OU IDs (every account below, at any depth)"
                    + " or a root ID. Default: every ACTIVE account of the organization.")
    private List<String> targetIds;

    @Option(names = "--ignore-ids", split = ",", paramLabel = "ID",
            description = "Accounts to leave out: account, OU or root IDs; they win over --target-ids."
                    + " The calling account is always left out.")
    private List<String> ignoreIds;

    @Option(names = "--role-name", paramLabel = "NAME",
            description = "Role to assume in every account. Default: OrganizationAccountAccessRole.")
    private String roleName;

    @Option(names = "--role-session-name", paramLabel = "NAME",
            description = "RoleSessionName of sts:AssumeRole (2-64 characters of [\\w+=,.@-]). Default: the role name.")
    private String roleSessionName;

    @Option(names = "--policy", paramLabel = "JSON|@FILE",
            description = "Inline session policy that limits the assumed role: JSON text, or @FILE to read it from a file.")
    private String policy;

    @Option(names = "--policy-arns", split = ",", paramLabel = "ARN",
            description = "Managed session policies that limit the assumed role (at most 10).")
    private List<String> policyArns;

    @Option(names = "--external-id", paramLabel = "ID", description = "ExternalId of sts:AssumeRole.")
    private String externalId;

    @Option(names = "--regions", split = ",", paramLabel = "REGION",
            description = "Regions to run in; every account runs in each. Default: the default region"
                    + " (AWS_REGION, AWS_DEFAULT_REGION, then the profile's region).")
    private List<String> regions;

    @Option(names = "--partition", paramLabel = "PARTITION",
            description = "Partition of the role ARNs (aws, aws-us-gov, aws-cn). Default: the caller's.")
    private String partition;

    @Option(names = "--workers", paramLabel = "N",
            description = "Targets in flight at once (1-10000). Default: 20.")
    private Integer workers;

    @Option(names = "--profile", paramLabel = "PROFILE",
            description = "AWS profile whose credentials and region assume the roles. Default: the SDK's default chain.")
    private String profile;

    @Option(names = "--endpoint-url", paramLabel = "URL",
            description = "Send STS, Organizations (and, for exec, the command's AWS calls) to this endpoint,"
                    + " e.g. a local emulator.")
    private String endpointUrl;

    @Option(names = "--fail-fast",
            description = "Stop at the first failed target: start no more, stop running ones.")
    private boolean failFast;

    @Option(names = "--max-failures", paramLabel = "N",
            description = "Stop starting targets once more than N have failed; the rest are reported as skipped.")
    private Integer maxFailures;

    @Option(names = "--no-progress", description = "Do not draw the progress bar (it is drawn only when stderr is a terminal).")
    private boolean noProgress;

    /** Creates the options; picocli fills them in. */
    public SelectionOptions() {
    }

    /**
     * Turns the options into a Cove builder. Values that only the core can judge (IDs, regions, names) are
     * checked by {@link Cove.Builder#build()}; this method checks what belongs to the command line: the
     * policy file, the endpoint URL and the profile.
     *
     * @return a builder with every given option applied and the core's own progress bar off
     * @throws picocli.CommandLine.ParameterException naming the bad value
     */
    public Cove.Builder toBuilder() {
        Cove.Builder builder = Cove.builder().progress(false);
        if (targetIds != null) {
            builder.targetIds(targetIds);
        }
        if (ignoreIds != null) {
            builder.ignoreIds(ignoreIds);
        }
        if (roleName != null) {
            builder.roleName(roleName);
        }
        builder.roleSessionName(roleSessionName)
                .policy(policy == null ? null : PolicyArgument.read(mixee.commandLine(), policy))
                .policyArns(policyArns)
                .externalId(externalId)
                .regions(regions)
                .partition(partition)
                .raiseException(failFast);
        if (workers != null) {
            builder.threadWorkers(workers);
        }
        if (maxFailures != null) {
            builder.maxFailures(maxFailures);
        }
        if (endpointUrl != null) {
            builder.endpointOverride(EndpointArgument.parse(mixee.commandLine(), endpointUrl));
        }
        if (profile != null) {
            ProfileArgument.apply(mixee.commandLine(), profile, builder);
        }
        return builder;
    }

    /**
     * Returns the endpoint given with {@code --endpoint-url}, as typed.
     *
     * @return the endpoint URL, or null when not given
     */
    public String endpointUrl() {
        return endpointUrl;
    }

    /**
     * Returns whether the progress bar was turned off with {@code --no-progress}.
     *
     * @return true when {@code --no-progress} was given
     */
    public boolean noProgress() {
        return noProgress;
    }
}
