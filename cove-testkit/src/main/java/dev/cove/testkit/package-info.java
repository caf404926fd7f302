/**
 * Cove's test kit: test a function you run with Cove against a local AWS emulator (moto) holding an organization
 * you declare, with throttling and denied calls on demand. Nothing here touches a real AWS account.
 *
 * <h2>Test your function</h2>
 *
 * <p>Add {@code dev.cove:cove-testkit} with scope {@code test} next to {@code dev.cove:cove-core} and JUnit 5,
 * install moto ({@code python3 -m pip install "moto[server]"}), and annotate the test class with
 * {@link dev.cove.testkit.CoveTest}: it starts moto once for the class, builds the OUs and
 * {@link dev.cove.testkit.MemberAccount member accounts} declared (with their tags, IAM users, users with MFA and
 * enabled opt-in Regions), and injects a {@code dev.cove.Cove.Builder} pointed at it, the
 * {@link dev.cove.testkit.FaultProxy} its calls go through and the {@link dev.cove.testkit.OrgFixture} built.
 *
 * <pre>{@code
 * @CoveTest(accounts = {
 *         @MemberAccount(name = "dev", ou = "workloads", iamUsers = {"alice", "bob"}, iamUsersWithMfa = "carol"),
 *         @MemberAccount(name = "prod", ou = "workloads/prod", iamUsersWithMfa = "dave")})
 * class UsersWithoutMfaTest {
 *
 *     @Test
 *     void find_listsTheUsersWithoutMfa(Cove.Builder cove) {
 *         CoveOutput<List<String>> output = UsersWithoutMfa.find(cove.build());
 *         ...
 *     }
 *
 *     @Test
 *     void find_whenIamThrottles_retries(Cove.Builder cove, FaultProxy aws) {
 *         aws.addRule(FaultRule.on("ListMFADevices").first(2).then(Fault.throttling()));
 *         ...
 *     }
 * }
 * }</pre>
 *
 * <p>Faults are {@link dev.cove.testkit.FaultRule}s on the proxy: an action (and optionally a parameter, such
 * as the {@code RoleArn} of one account) selects requests, a {@link dev.cove.testkit.Fault} says what happens
 * to them: {@link dev.cove.testkit.Fault#throttling()}, {@link dev.cove.testkit.Fault#accessDenied(String)},
 * any AWS error, an HTTP status, latency, a hang, a reset connection or short-lived credentials. By default
 * the proxy answers Organizations the way the AWS API reference says AWS does today
 * ({@link dev.cove.testkit.AwsShape#AWS_TODAY}), where moto differs.
 *
 * <h2>Building blocks</h2>
 *
 * <p>The same pieces serve tests that need more control: a moto process ({@link dev.cove.testkit.MotoServer},
 * and the JUnit 5 {@link dev.cove.testkit.MotoExtension} that shares one per JVM and empties it before each
 * test), organizations built in code ({@link dev.cove.testkit.OrganizationBuilder}), per-account state
 * ({@link dev.cove.testkit.MotoAccounts}), clients and credentials for moto ({@link dev.cove.testkit.Moto}),
 * and the fault proxy on its own ({@link dev.cove.testkit.FaultProxy#builder(java.net.URI)}).
 *
 * <p>Requires {@code moto_server}; when it is missing, starting a server fails with the instruction to
 * install it rather than skipping tests. On the module path this jar is the automatic module
 * {@code dev.cove.testkit}.
 */
package dev.cove.testkit;
