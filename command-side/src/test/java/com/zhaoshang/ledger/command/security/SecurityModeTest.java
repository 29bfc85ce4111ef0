package com.zhaoshang.ledger.command.security;

import com.zhaoshang.ledger.api.value.Role;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Demo users never serve under the production profile; the mode follows the configuration. */
class SecurityModeTest {

    private static final List<CommandSecurityProperties.User> DEMO_USERS =
            List.of(new CommandSecurityProperties.User("admin", "{noop}admin-demo", Role.ADMIN, "360800"));

    @Test
    void usersWithoutAModeMeanDemoAndNoUsersMeanJwt() {
        assertThat(new CommandSecurityProperties(DEMO_USERS).effectiveMode()).isEqualTo(CommandSecurityProperties.Mode.DEMO);
        assertThat(new CommandSecurityProperties(List.of()).effectiveMode()).isEqualTo(CommandSecurityProperties.Mode.JWT);
        assertThat(new CommandSecurityProperties(DEMO_USERS, "jwt", null).effectiveMode())
                .isEqualTo(CommandSecurityProperties.Mode.JWT);
    }

    @Test
    void theProductionProfileRefusesDemoModeAndDemoUsers() {
        MockEnvironment production = new MockEnvironment();
        production.setActiveProfiles("prod");
        assertThatThrownBy(() -> CommandSecurityConfiguration.checkedMode(
                new CommandSecurityProperties(DEMO_USERS, "demo", null), production))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("prod");
        assertThatThrownBy(() -> CommandSecurityConfiguration.checkedMode(
                new CommandSecurityProperties(DEMO_USERS, "jwt", null), production))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("prod");
        assertThat(CommandSecurityConfiguration.checkedMode(new CommandSecurityProperties(List.of(), "jwt", null),
                production)).isEqualTo(CommandSecurityProperties.Mode.JWT);
    }

    @Test
    void demoModeOutsideProductionNeedsUsersAndAnUnknownModeIsRefused() {
        MockEnvironment plain = new MockEnvironment();
        assertThat(CommandSecurityConfiguration.checkedMode(new CommandSecurityProperties(DEMO_USERS, "demo", null),
                plain)).isEqualTo(CommandSecurityProperties.Mode.DEMO);
        assertThatThrownBy(() -> CommandSecurityConfiguration.checkedMode(
                new CommandSecurityProperties(List.of(), "demo", null), plain)).hasMessageContaining("users");
        assertThatThrownBy(() -> CommandSecurityConfiguration.checkedMode(
                new CommandSecurityProperties(List.of(), "open", null), plain)).hasMessageContaining("jwt or demo");
    }

    @Test
    void nothingConfiguredStartsButAdmitsNoTokenWhileAnExplicitJwtModeNeedsItsSettings() {
        org.springframework.security.oauth2.jwt.JwtDecoder unconfigured =
                JwtActors.decoder(new CommandSecurityProperties(List.of()), java.time.Clock.systemUTC());
        assertThatThrownBy(() -> unconfigured.decode("any.token.here"))
                .isInstanceOf(org.springframework.security.oauth2.jwt.JwtException.class);
        assertThatThrownBy(() -> JwtActors.decoder(new CommandSecurityProperties(List.of(), "jwt", null),
                java.time.Clock.systemUTC())).hasMessageContaining("issuer");
    }
}
