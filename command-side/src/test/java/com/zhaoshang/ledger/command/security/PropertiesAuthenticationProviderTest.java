package com.zhaoshang.ledger.command.security;

import com.zhaoshang.ledger.api.value.Actor;
import com.zhaoshang.ledger.api.value.Role;
import com.zhaoshang.ledger.api.value.UnitId;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Basic credentials checked against the configured users; the principal carries the configured actor. */
class PropertiesAuthenticationProviderTest {

    private static final String BCRYPT = "{bcrypt}" + new BCryptPasswordEncoder(4).encode("s3cret");

    private final PropertiesAuthenticationProvider provider = new PropertiesAuthenticationProvider(List.of(
            new CommandSecurityProperties.User("front", "{noop}front-pw", Role.FRONT_OFFICE, "360802"),
            new CommandSecurityProperties.User("verifier", BCRYPT, Role.VERIFIER, "360800")));

    @Test
    void aKnownUserBecomesItsConfiguredActorWithItsRoleAsAuthority() {
        Authentication authentication = provider.authenticate(
                UsernamePasswordAuthenticationToken.unauthenticated("verifier", "s3cret"));

        assertThat(authentication.isAuthenticated()).isTrue();
        assertThat(authentication.getPrincipal()).isEqualTo(
                new LedgerPrincipal(new Actor("verifier", Role.VERIFIER, new UnitId("360800"))));
        assertThat(authentication.getAuthorities()).extracting(GrantedAuthority::getAuthority)
                .containsExactly("ROLE_VERIFIER");
        assertThat(authentication.getCredentials()).isNull();
    }

    @Test
    void aWrongPasswordOrAnUnknownUserIsRefused() {
        assertThatThrownBy(() -> provider.authenticate(UsernamePasswordAuthenticationToken.unauthenticated("front", "x")))
                .isInstanceOf(BadCredentialsException.class);
        assertThatThrownBy(() -> provider.authenticate(UsernamePasswordAuthenticationToken.unauthenticated("verifier", "front-pw")))
                .isInstanceOf(BadCredentialsException.class);
        assertThatThrownBy(() -> provider.authenticate(UsernamePasswordAuthenticationToken.unauthenticated("ghost", "front-pw")))
                .isInstanceOf(BadCredentialsException.class);
    }

    @Test
    void aMisconfiguredUserStopsTheStart() {
        assertThatThrownBy(() -> new PropertiesAuthenticationProvider(List.of(
                new CommandSecurityProperties.User("a", "plain", Role.ADMIN, "360800"))))
                .hasMessageContaining("encoder prefix").hasMessageNotContaining("plain");
        assertThatThrownBy(() -> new PropertiesAuthenticationProvider(List.of(
                new CommandSecurityProperties.User("a", "{noop}x", null, "360800")))).hasMessageContaining("role");
        assertThatThrownBy(() -> new PropertiesAuthenticationProvider(List.of(
                new CommandSecurityProperties.User("a", "{noop}x", Role.ADMIN, "Not A Unit")))).hasMessageContaining("unit-id");
        assertThatThrownBy(() -> new PropertiesAuthenticationProvider(List.of(
                new CommandSecurityProperties.User("a", "{noop}x", Role.ADMIN, "360800"),
                new CommandSecurityProperties.User("a", "{noop}y", Role.LEADER, "360800")))).hasMessageContaining("twice");
    }

    @Test
    void aUserPrintsWithoutItsPassword() {
        CommandSecurityProperties properties = new CommandSecurityProperties(List.of(
                new CommandSecurityProperties.User("front", "{noop}front-pw", Role.FRONT_OFFICE, "360802")));

        assertThat(properties.toString()).contains("front", "FRONT_OFFICE", "360802").doesNotContain("front-pw");
    }
}
