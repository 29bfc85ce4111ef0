package com.zhaoshang.ledger.command.security;

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
import java.util.regex.Pattern;

/**
 * Checks HTTP Basic credentials against {@link CommandSecurityProperties}. Deliberately not a
 * {@code UserDetailsService} or {@code AuthenticationManager} bean: in single-process mode the query side builds its
 * own, and two such beans in one context would clash. The authenticated principal is a {@link LedgerPrincipal}
 * whose actor (user, role, unit) comes from the configuration, never from a request.
 */
public final class PropertiesAuthenticationProvider implements AuthenticationProvider {

    private static final Pattern ENCODED = Pattern.compile("^\\{[a-zA-Z0-9_-]+}.+");

    private record Account(String encodedPassword, Actor actor) {
    }

    private final PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();
    private final Map<String, Account> accounts = new HashMap<>();
    /** Compared against when the user is unknown, so unknown and known users take the same time. */
    private final String decoy;

    public PropertiesAuthenticationProvider(List<CommandSecurityProperties.User> users) {
        for (CommandSecurityProperties.User user : users) {
            String where = "ledger.security.users entry '" + user.username() + "'";
            if (user.username() == null || user.username().isBlank() || user.username().length() > 100) {
                throw new IllegalStateException("ledger.security.users: every user needs a username of at most 100 characters");
            }
            if (user.password() == null || !ENCODED.matcher(user.password()).matches()) {
                throw new IllegalStateException(where + ": the password needs an encoder prefix such as {bcrypt} or {noop}");
            }
            if (user.role() == null) {
                throw new IllegalStateException(where + ": role is required");
            }
            if (!UnitId.isValid(user.unitId())) {
                throw new IllegalStateException(where + ": unit-id is not a valid unit id");
            }
            Actor actor = new Actor(user.username(), user.role(), new UnitId(user.unitId()));
            if (accounts.put(user.username(), new Account(user.password(), actor)) != null) {
                throw new IllegalStateException(where + ": the username is listed twice");
            }
        }
        this.decoy = accounts.values().stream().map(Account::encodedPassword)
                .filter(p -> p.startsWith("{bcrypt}")).findFirst().orElse("{noop}\u0000unknown-user");
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String username = authentication.getName();
        Object credentials = authentication.getCredentials();
        String presented = credentials == null ? "" : credentials.toString();
        Account account = accounts.get(username);
        if (account == null) {
            encoder.matches(presented, decoy);
            throw new BadCredentialsException("bad credentials");
        }
        if (!encoder.matches(presented, account.encodedPassword())) {
            throw new BadCredentialsException("bad credentials");
        }
        LedgerPrincipal principal = new LedgerPrincipal(account.actor());
        return UsernamePasswordAuthenticationToken.authenticated(principal, null,
                List.of(new SimpleGrantedAuthority("ROLE_" + account.actor().role().name())));
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
