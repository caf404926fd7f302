package dev.cove.cli;

import dev.cove.testkit.OrgFixture;
import dev.cove.testkit.OrganizationBuilder;
import java.net.URI;

/**
 * The organization most CLI tests run on: four members in OUs nested three deep,
 * {@code prod} (one account), {@code prod/web} (one), {@code prod/web/edge} (one) and {@code sandbox} (one).
 */
final class SmallOrganization {

    private SmallOrganization() {
    }

    static OrgFixture build(URI endpoint) {
        return OrganizationBuilder.on(endpoint)
                .ou("prod", prod -> prod.accounts(1)
                        .ou("web", web -> web.accounts(1).ou("edge", edge -> edge.accounts(1))))
                .ou("sandbox", sandbox -> sandbox.accounts(1))
                .build();
    }
}
