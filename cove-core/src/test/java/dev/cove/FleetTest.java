package dev.cove;

import dev.cove.testkit.AwsShape;
import dev.cove.testkit.FaultProxy;
import dev.cove.testkit.FleetOrganization;
import dev.cove.testkit.MotoExtension;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.Parameter;

/**
 * The base of the selection tests: the fleet organization of {@link FleetOrganization} in moto (tagged accounts
 * in nested OUs, accounts with different regions enabled), behind a proxy of its own that answers as moto or as
 * AWS today, answers ListRegions and DescribeRegions from the fleet's regions, and records every request.
 */
abstract class FleetTest {

    /** How the AWS API answers: as moto does, or as AWS does today. */
    @Parameter
    AwsShape shape;

    @RegisterExtension
    static final MotoExtension MOTO = new MotoExtension();

    FleetOrganization.Fleet fleet;
    FaultProxy proxy;

    @BeforeEach
    void buildFleet() {
        fleet = FleetOrganization.build(MOTO.endpoint());
        proxy = FaultProxy.builder(MOTO.endpoint()).awsToday(shape == AwsShape.AWS_TODAY)
                .accountRegions(fleet.regions()).start();
    }

    @AfterEach
    void closeProxy() {
        proxy.close();
    }

    Cove.Builder cove() {
        return LocalCove.against(proxy.endpoint());
    }

    /** The accounts of a dry run, sorted, each once. */
    static List<String> accounts(List<CoveTarget> targets) {
        return targets.stream().map(CoveTarget::id).distinct().sorted().toList();
    }

    /** The targets of a dry run as {@code account/region}, in plan order. */
    static List<String> pairs(List<CoveTarget> targets) {
        return targets.stream().map(t -> t.id() + "/" + t.region()).toList();
    }

    /** The regions of one account in a dry run, in plan order. */
    static List<String> regionsOf(List<CoveTarget> targets, String accountId) {
        return targets.stream().filter(t -> t.id().equals(accountId)).map(CoveTarget::region)
                .collect(Collectors.toList());
    }

    /** How many requests of an action started a listing (carried no NextToken). */
    int listings(String action) {
        return (int) proxy.requests(action).stream().filter(r -> r.param("NextToken") == null).count();
    }
}
