package com.zhaoshang.ledger.query.security;

import com.zhaoshang.ledger.api.value.Role;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * How readers authenticate ({@code ledger.security.*}, docs/SECURITY.md): {@code mode=jwt} (bearer tokens, see
 * {@link Jwt}) or {@code mode=demo} (HTTP Basic against {@code users[i].username / password / role / unit-id},
 * passwords with their encoding prefix, {@code {noop}…}, {@code {bcrypt}…}); without {@code mode}, listed users mean
 * demo and none mean jwt. The command side binds the same keys with its own class; in single-process mode both read
 * one list.
 */
@ConfigurationProperties("ledger.security")
public record QuerySecurityProperties(List<User> users, String mode, Jwt jwt) {

    public enum Mode { JWT, DEMO }

    @ConstructorBinding
    public QuerySecurityProperties {
        users = users == null ? List.of() : List.copyOf(users);
        jwt = jwt == null ? new Jwt(null, null, null, null, null, null, null) : jwt;
    }

    public QuerySecurityProperties(List<User> users) {
        this(users, null, null);
    }

    public Mode effectiveMode() {
        if (mode == null || mode.isBlank()) {
            return users.isEmpty() ? Mode.JWT : Mode.DEMO;
        }
        try {
            return Mode.valueOf(mode.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("ledger.security.mode must be jwt or demo, not '" + mode + "'", e);
        }
    }

    public record User(String username, String password, Role role, String unitId) {

        /** Never print the password. */
        @Override
        public String toString() {
            return "User[username=" + username + ", role=" + role + ", unitId=" + unitId + "]";
        }
    }

    /** The token issuer: as on the command side ({@code issuer}, {@code audience}, key, claim names, clock skew). */
    public record Jwt(String issuer, String audience, String jwkSetUri, String publicKeyLocation, String roleClaim,
                      String unitClaim, Duration clockSkew) {

        public Jwt {
            roleClaim = roleClaim == null || roleClaim.isBlank() ? "role" : roleClaim;
            unitClaim = unitClaim == null || unitClaim.isBlank() ? "unit_id" : unitClaim;
            clockSkew = clockSkew == null ? Duration.ofSeconds(30) : clockSkew;
        }
    }
}
