package dev.cove.testkit;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * One member account of the organization a {@link CoveTest} declares: its name, OU, tags, IAM users and the
 * opt-in Regions enabled in it.
 *
 * <pre>{@code
 * @MemberAccount(name = "prod", ou = "workloads/prod", tags = {"env=prod", "team=web"},
 *         iamUsers = "deploy", iamUsersWithMfa = "alice", enabledRegions = "eu-south-1")
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({})
public @interface MemberAccount {

    /**
     * The account name, unique in the organization; the email is {@code name@example.com}. Look the account
     * up with {@link OrgFixture#account(String)}.
     *
     * @return the name, without spaces or {@code @}
     */
    String name();

    /**
     * The path of the OU the account is in, OU names from the root down joined by {@code /} (e.g.
     * {@code "workloads/prod"}); the OUs are created as needed. {@code ""} is the root.
     *
     * @return the OU path; the root by default
     */
    String ou() default "";

    /**
     * Tags on the account in Organizations (TagResource), each {@code "key=value"}; the value may be empty
     * ({@code "key="}).
     *
     * @return the tags; none by default
     */
    String[] tags() default {};

    /**
     * IAM users created in the account, without MFA.
     *
     * @return the user names; none by default
     */
    String[] iamUsers() default {};

    /**
     * IAM users created in the account with a virtual MFA device enabled (CreateVirtualMFADevice,
     * EnableMFADevice), so that ListMFADevices lists one device for each.
     *
     * @return the user names; none by default
     */
    String[] iamUsersWithMfa() default {};

    /**
     * Opt-in Regions enabled in the account, such as {@code "eu-south-1"}: Account Management's ListRegions
     * and GetRegionOptStatus, answered by the {@link FaultProxy}, report them {@code ENABLED}, the other opt-in
     * Regions {@code DISABLED} and the default Regions {@code ENABLED_BY_DEFAULT}. moto itself serves every
     * Region in every account whatever is declared here.
     *
     * @return the Region names; none by default
     */
    String[] enabledRegions() default {};
}
