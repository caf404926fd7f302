package dev.cove.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.tuple;

import org.junit.jupiter.api.Test;

/** A @CoveTest declaration is checked before moto starts, and an error names the account and what to fix. */
class DeclaredOrganizationTest {

    @CoveTest(accounts = @MemberAccount(name = "dev", tags = "env"))
    private static final class TagWithoutValue {
    }

    @CoveTest(accounts = @MemberAccount(name = "dev", tags = {"env=a", "env=b"}))
    private static final class TagTwice {
    }

    @CoveTest(accounts = @MemberAccount(name = "dev", iamUsers = "alice", iamUsersWithMfa = "alice"))
    private static final class UserTwice {
    }

    @CoveTest(accounts = @MemberAccount(name = "dev", enabledRegions = "eu-south-3"))
    private static final class UnknownRegion {
    }

    @CoveTest(accounts = {@MemberAccount(name = "a", ou = "x/y", enabledRegions = "eu-south-1"),
            @MemberAccount(name = "b", ou = " /x/ ")}, ous = {"z", "x/w"})
    private static final class Valid {
    }

    @Test
    void of_tagWithoutEquals_namesTheAccountAndTheForm() {
        assertThatIllegalArgumentException().isThrownBy(() -> DeclaredOrganization.of(declaration(TagWithoutValue.class)))
                .withMessage("account 'dev': tag 'env' must be key=value, e.g. env=prod");
    }

    @Test
    void of_tagKeyTwice_isRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> DeclaredOrganization.of(declaration(TagTwice.class)))
                .withMessage("account 'dev': tag key 'env' is declared twice");
    }

    @Test
    void of_userWithAndWithoutMfa_isRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> DeclaredOrganization.of(declaration(UserTwice.class)))
                .withMessageStartingWith("account 'dev': IAM user 'alice' is declared twice");
    }

    @Test
    void of_unknownRegion_namesItAndTheKnownOnes() {
        assertThatIllegalArgumentException().isThrownBy(() -> DeclaredOrganization.of(declaration(UnknownRegion.class)))
                .withMessageStartingWith("account 'dev': enabledRegions: unknown region 'eu-south-3'; the aws partition has [")
                .withMessageContaining("eu-south-2");
    }

    @Test
    void of_validDeclaration_normalizesOuPathsAndKeepsTheAccountsInOrder() {
        DeclaredOrganization declared = DeclaredOrganization.of(declaration(Valid.class));

        assertThat(declared.accounts()).extracting(DeclaredOrganization.Account::name, DeclaredOrganization.Account::ou)
                .containsExactly(tuple("a", "x/y"), tuple("b", "x"));
        assertThat(declared.accounts().getFirst().enabledRegions()).containsExactly("eu-south-1");
    }

    private static CoveTest declaration(Class<?> type) {
        return type.getAnnotation(CoveTest.class);
    }
}
