package com.zhaoshang.ledger.query.security;

import com.zhaoshang.ledger.api.value.Actor;
import com.zhaoshang.ledger.api.value.Role;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** HTTP Basic users of the query side: known users with their password pass, everything else is refused alike. */
class QueryUserAuthenticationProviderTest {

    private static final String BCRYPT = "{bcrypt}" + new BCryptPasswordEncoder(4).encode("leader-secret");

    @Test
    void aKnownUserWithTheirPasswordIsAuthenticatedAsTheirActor() {
        QueryUserAuthenticationProvider provider = new QueryUserAuthenticationProvider(List.of(
                new QuerySecurityProperties.User("leader", BCRYPT, Role.LEADER, "360800"),
                new QuerySecurityProperties.User("inspector", "{noop}inspector-demo", Role.INSPECTOR, "360800")));

        Authentication leader = provider.authenticate(login("leader", "leader-secret"));
        Authentication inspector = provider.authenticate(login("inspector", "inspector-demo"));

        assertThat(((Actor) leader.getPrincipal()).userId()).isEqualTo("leader");
        assertThat(leader.getAuthorities()).extracting(Object::toString).containsExactly("ROLE_LEADER");
        assertThat(((Actor) inspector.getPrincipal()).role()).isEqualTo(Role.INSPECTOR);
    }

    @Test
    void anUnknownUserIsRefusedEvenWithAnotherUsersPassword() {
        QueryUserAuthenticationProvider withBcrypt = new QueryUserAuthenticationProvider(List.of(
                new QuerySecurityProperties.User("leader", BCRYPT, Role.LEADER, "360800")));
        QueryUserAuthenticationProvider noopOnly = new QueryUserAuthenticationProvider(List.of(
                new QuerySecurityProperties.User("leader", "{noop}leader-demo", Role.LEADER, "360800")));

        assertThatThrownBy(() -> withBcrypt.authenticate(login("stranger", "leader-secret")))
                .isInstanceOf(BadCredentialsException.class);
        assertThatThrownBy(() -> noopOnly.authenticate(login("stranger", "leader-demo")))
                .isInstanceOf(BadCredentialsException.class);
        assertThatThrownBy(() -> noopOnly.authenticate(login("stranger", "\u0000unknown-user")))
                .isInstanceOf(BadCredentialsException.class);
        assertThatThrownBy(() -> withBcrypt.authenticate(login("leader", "wrong")))
                .isInstanceOf(BadCredentialsException.class);
    }

    private static Authentication login(String user, String password) {
        return UsernamePasswordAuthenticationToken.unauthenticated(user, password);
    }
}
