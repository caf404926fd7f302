package dev.cove.testkit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Tests a function run with Cove against a local AWS: once per test class, starts a moto server of its own,
 * builds the organization this annotation declares in it, and puts a {@link FaultProxy} in front of it. Test
 * methods, constructors and lifecycle methods may then declare parameters of these types:
 *
 * <ul>
 *   <li>{@code dev.cove.Cove.Builder}: a new builder for each parameter, already pointed at the proxy, with
 *       the management account's credentials ({@link Moto#credentials()}), {@link Moto#REGION} as assuming
 *       region and no progress bar; set the rest (target IDs, regions, workers) and build it;</li>
 *   <li>{@link FaultProxy}: the proxy every call of that {@code Cove} goes through, to add throttling,
 *       denial or latency with {@link FaultRule}s and to count requests; its rules and recorded requests are
 *       cleared before each test;</li>
 *   <li>{@link OrgFixture}: the organization built, to look up IDs by name ({@code org.account("dev").id()})
 *       or OU path;</li>
 *   <li>{@link MotoServer}: the class's moto server, for calls that should bypass the proxy.</li>
 * </ul>
 *
 * <pre>{@code
 * @CoveTest(accounts = {
 *         @MemberAccount(name = "dev", ou = "workloads", iamUsers = {"alice", "bob"}, iamUsersWithMfa = "carol"),
 *         @MemberAccount(name = "prod", ou = "workloads/prod", tags = "env=prod", enabledRegions = "eu-south-1")})
 * class UsersWithoutMfaTest {
 *
 *     @Test
 *     void find_listsUsersWithoutMfa(Cove.Builder cove, OrgFixture org) {
 *         CoveOutput<List<String>> output = UsersWithoutMfa.find(cove.build());
 *         ...
 *     }
 * }
 * }</pre>
 *
 * <p>The organization is built once for the test class and its {@code @Nested} classes: what one test
 * changes in moto, the next one sees. The proxy answers the Organizations API the way AWS does today
 * ({@link AwsShape#AWS_TODAY}, unless {@link #shape()} says otherwise) and answers Account Management's
 * ListRegions and GetRegionOptStatus from the {@link MemberAccount#enabledRegions()} declared. moto is
 * stopped after the class's last test. Requires {@code moto_server}
 * ({@code python3 -m pip install "moto[server]"}); without it the class fails with that instruction.
 *
 * <p>The {@code Cove.Builder} comes from the {@code dev.cove:cove-core} on the test's class path; this
 * artifact does not bring cove-core with it.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ExtendWith(CoveTestExtension.class)
public @interface CoveTest {

    /**
     * The member accounts, created in this order (the management account, {@link Moto#MANAGEMENT_ACCOUNT_ID},
     * always exists and is not declared).
     *
     * @return the accounts; none by default
     */
    MemberAccount[] accounts() default {};

    /**
     * OU paths to create even if no account is declared in them, such as {@code "sandbox"} or
     * {@code "workloads/empty"}. OUs named in {@link MemberAccount#ou()} are created without being listed
     * here.
     *
     * @return the OU paths; none by default
     */
    String[] ous() default {};

    /**
     * How the Organizations API answers through the proxy: {@link AwsShape#AWS_TODAY} (the default; account
     * {@code State} without {@code Status}, pages of at most 20, an empty page in every listing) or
     * {@link AwsShape#MOTO}, as moto answers.
     *
     * @return the shape
     */
    AwsShape shape() default AwsShape.AWS_TODAY;
}
