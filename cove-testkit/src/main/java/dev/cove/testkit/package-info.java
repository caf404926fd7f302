/**
 * Test kit for Cove: a local AWS emulator ({@link dev.cove.testkit.MotoServer}, with the JUnit 5
 * {@link dev.cove.testkit.MotoExtension}), organizations built in it
 * ({@link dev.cove.testkit.OrganizationBuilder}, {@link dev.cove.testkit.OrgFixture}),
 * per-account state ({@link dev.cove.testkit.MotoAccounts}) and a fault-injecting proxy
 * ({@link dev.cove.testkit.FaultProxy}, {@link dev.cove.testkit.FaultRule},
 * {@link dev.cove.testkit.Fault}), which can also answer Organizations the way AWS does today
 * ({@link dev.cove.testkit.AwsShape}).
 *
 * <p>Requires {@code moto_server} (Python: {@code python3 -m pip install "moto[server]"}); when
 * it is missing, starting a server fails with that instruction rather than skipping tests.
 */
package dev.cove.testkit;
