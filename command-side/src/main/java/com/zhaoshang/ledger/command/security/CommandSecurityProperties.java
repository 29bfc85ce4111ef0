package com.zhaoshang.ledger.command.security;

import com.zhaoshang.ledger.api.value.Role;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * How callers of the command side authenticate ({@code ledger.security.*}, docs/SECURITY.md):
 * <ul>
 *   <li>{@code mode=jwt} (production): OAuth2 bearer tokens, {@link Jwt issuer, audience and expiry enforced};</li>
 *   <li>{@code mode=demo} (the embedded default): HTTP Basic against {@code users[i].username/password/role/unit-id}
 *   (passwords with their encoder prefix, {@code {bcrypt}…}, {@code {noop}…}). Refused under the {@code prod}
 *   profile.</li>
 * </ul>
 * Without {@code mode}, listed users mean demo and no users mean jwt. The query side binds the same keys with a class
 * of its own.
 */
@ConfigurationProperties("ledger.security")
public record CommandSecurityProperties(List<User> users, String mode, Jwt jwt) {

    public enum Mode { JWT, DEMO }

    @ConstructorBinding
    public CommandSecurityProperties {
        users = users == null ? List.of() : List.copyOf(users);
        jwt = jwt == null ? new Jwt(null, null, null, null, null, null, null) : jwt;
    }

    public CommandSecurityProperties(List<User> users) {
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

    /** One login. {@link #toString()} never shows the password, so the list can be logged safely. */
    public record User(String username, String password, Role role, String unitId) {

        @Override
        public String toString() {
            return "User[username=" + username + ", role=" + role + ", unitId=" + unitId + ", password=<hidden>]";
        }
    }

    /**
     * The token issuer's settings: {@code issuer} ({@code iss} must equal it), {@code audience} ({@code aud} must
     * contain it), the signing key as {@code jwk-set-uri} or {@code public-key-location} (an X.509 PEM RSA public key,
     * e.g. {@code file:/etc/ledger/issuer.pem}), the claims carrying the role and the unit, and the clock skew allowed
     * on {@code exp}/{@code nbf}.
     */
    public record Jwt(String issuer, String audience, String jwkSetUri, String publicKeyLocation, String roleClaim,
                      String unitClaim, Duration clockSkew) {

        public Jwt {
            roleClaim = roleClaim == null || roleClaim.isBlank() ? "role" : roleClaim;
            unitClaim = unitClaim == null || unitClaim.isBlank() ? "unit_id" : unitClaim;
            clockSkew = clockSkew == null ? Duration.ofSeconds(30) : clockSkew;
        }
    }
}
