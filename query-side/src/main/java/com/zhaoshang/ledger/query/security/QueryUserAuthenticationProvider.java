package com.zhaoshang.ledger.query.security;

import com.zhaoshang.ledger.api.value.Actor;
import com.zhaoshang.ledger.api.value.UnitId;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks HTTP Basic credentials against the configured users. The authenticated principal is the user's
 * {@link Actor}; the authority is {@code ROLE_<role>}. Built inline by {@link QuerySecurityConfiguration}, never a bean,
 * so it cannot clash with the command side's authentication in single-process mode.
 */
final class QueryUserAuthenticationProvider implements AuthenticationProvider {

    private final PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();
    private final Map<String, QuerySecurityProperties.User> users = new HashMap<>();
    /**
     * Compared against when the user is unknown, so unknown and known names take the same time: a configured bcrypt
     * hash when there is one (a bcrypt check costs what a known user's costs), else a {noop} value that never matches.
     */
    private final String decoy;

    QueryUserAuthenticationProvider(List<QuerySecurityProperties.User> configured) {
        for (QuerySecurityProperties.User user : configured) {
            check(user);
            if (users.putIfAbsent(user.username(), user) != null) {
                throw new IllegalStateException("ledger.security.users names " + user.username() + " twice");
            }
        }
        this.decoy = users.values().stream().map(QuerySecurityProperties.User::password)
                .filter(p -> p.startsWith("{bcrypt}")).findFirst().orElse("{noop}\u0000unknown-user");
    }

    private static void check(QuerySecurityProperties.User user) {
        if (user.username() == null || user.username().isBlank()) {
            throw new IllegalStateException("a user of ledger.security.users has no username");
        }
        if (user.password() == null || !user.password().startsWith("{")) {
            throw new IllegalStateException("the password of user " + user.username()
                    + " must name its encoding, e.g. {bcrypt}… or {noop}…");
        }
        if (user.role() == null) {
            throw new IllegalStateException("user " + user.username() + " has no role");
        }
        if (!UnitId.isValid(user.unitId())) {
            throw new IllegalStateException("user " + user.username() + " has no valid unit-id");
        }
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String username = authentication.getName();
        Object credentials = authentication.getCredentials();
        String password = credentials == null ? "" : credentials.toString();
        QuerySecurityProperties.User user = users.get(username);
        boolean matches = encoder.matches(password, user == null ? decoy : user.password());
        if (user == null || !matches) {
            throw new BadCredentialsException("bad credentials");
        }
        Actor actor = new Actor(user.username(), user.role(), new UnitId(user.unitId()));
        return UsernamePasswordAuthenticationToken.authenticated(actor, null,
                List.of(new SimpleGrantedAuthority("ROLE_" + user.role().name())));
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
