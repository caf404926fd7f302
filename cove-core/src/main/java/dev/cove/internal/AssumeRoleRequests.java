package dev.cove.internal;

import software.amazon.awssdk.services.sts.model.AssumeRoleRequest;
import software.amazon.awssdk.services.sts.model.PolicyDescriptorType;

/**
 * Builds each account's {@code sts:AssumeRole} request: the role ARN in the run's partition, and the
 * session name, policy, policy ARNs and external ID only when they are set.
 */
final class AssumeRoleRequests {

    private final CoveConfig config;
    private final String partition;
    private final AssumeRoleRequest template;

    AssumeRoleRequests(CoveConfig config, String partition) {
        this.config = config;
        this.partition = partition;
        AssumeRoleRequest.Builder request = AssumeRoleRequest.builder().roleSessionName(config.get(Options.ROLE_SESSION_NAME));
        if (config.get(Options.POLICY) != null) {
            request.policy(config.get(Options.POLICY));
        }
        if (!config.get(Options.POLICY_ARNS).isEmpty()) {
            request.policyArns(config.get(Options.POLICY_ARNS).stream()
                    .map(arn -> PolicyDescriptorType.builder().arn(arn).build())
                    .toList());
        }
        if (config.get(Options.EXTERNAL_ID) != null) {
            request.externalId(config.get(Options.EXTERNAL_ID));
        }
        this.template = request.build();
    }

    /**
     * Returns the partition of the role ARNs.
     *
     * @return e.g. {@code aws}
     */
    String partition() {
        return partition;
    }

    /**
     * Returns the request that assumes the run's role in an account.
     *
     * @param accountId the account
     * @return the request
     */
    AssumeRoleRequest forAccount(String accountId) {
        return template.toBuilder()
                .roleArn("arn:" + partition + ":iam::" + accountId + ":role/" + config.get(Options.ROLE_NAME))
                .build();
    }
}
