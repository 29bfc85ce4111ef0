package com.zhaoshang.ledger.query.security;

import com.zhaoshang.ledger.api.value.Actor;
import com.zhaoshang.ledger.api.value.Role;
import com.zhaoshang.ledger.api.value.UnitId;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.io.Resource;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.converter.RsaKeyConverters;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * Bearer tokens of the query side: a {@link JwtDecoder} that enforces signature, issuer, audience and expiry
 * (a token without {@code exp} is refused), and the conversion of a valid token into the caller's {@link Actor}:
 * {@code sub} is the user id, the role claim one of {@link Role}, the unit claim a unit id. Built inline by
 * {@link QuerySecurityConfiguration}, never a bean, so it cannot clash with the command side's in one context.
 */
final class QueryJwtActors {

    private QueryJwtActors() {
    }

    /**
     * The decoder of {@code ledger.security.jwt.*}. With {@code mode} left unset and nothing configured at all (no
     * users, no issuer), it refuses every token, so an unconfigured application starts but admits nobody; an explicit
     * {@code mode=jwt} without issuer, audience or key refuses to start.
     */
    static JwtDecoder decoder(QuerySecurityProperties properties, Clock clock) {
        QuerySecurityProperties.Jwt settings = properties.jwt();
        boolean unconfigured = blank(settings.issuer()) && blank(settings.audience()) && blank(settings.jwkSetUri())
                && blank(settings.publicKeyLocation());
        if (unconfigured && (properties.mode() == null || properties.mode().isBlank())) {
            return token -> {
                throw new BadJwtException("no token issuer is configured (ledger.security.jwt.*)");
            };
        }
        if (blank(settings.issuer()) || blank(settings.audience())) {
            throw new IllegalStateException("ledger.security.mode=jwt needs ledger.security.jwt.issuer and "
                    + "ledger.security.jwt.audience");
        }
        NimbusJwtDecoder decoder;
        if (!blank(settings.jwkSetUri())) {
            decoder = NimbusJwtDecoder.withJwkSetUri(settings.jwkSetUri()).build();
        } else if (!blank(settings.publicKeyLocation())) {
            decoder = NimbusJwtDecoder.withPublicKey(publicKey(settings.publicKeyLocation())).build();
        } else {
            throw new IllegalStateException("ledger.security.mode=jwt needs ledger.security.jwt.jwk-set-uri or "
                    + "ledger.security.jwt.public-key-location");
        }
        JwtTimestampValidator timestamps = new JwtTimestampValidator(settings.clockSkew());
        timestamps.setClock(clock);
        OAuth2TokenValidator<Jwt> validator = new DelegatingOAuth2TokenValidator<>(
                timestamps,
                new JwtIssuerValidator(settings.issuer()),
                new JwtClaimValidator<Instant>(JwtClaimNames.EXP, exp -> exp != null),
                new JwtClaimValidator<List<String>>(JwtClaimNames.AUD,
                        aud -> aud != null && aud.contains(settings.audience())));
        decoder.setJwtValidator(validator);
        return decoder;
    }

    /** The ledger user a valid token names; a token without a known role or a valid unit is refused (401). */
    static AbstractAuthenticationToken authentication(Jwt jwt, QuerySecurityProperties.Jwt settings) {
        Actor actor = actor(jwt, settings.roleClaim(), settings.unitClaim());
        return UsernamePasswordAuthenticationToken.authenticated(actor, null,
                List.of(new SimpleGrantedAuthority("ROLE_" + actor.role().name())));
    }

    static Actor actor(Jwt jwt, String roleClaim, String unitClaim) {
        String subject = jwt.getSubject();
        if (blank(subject) || subject.length() > 100) {
            throw new InvalidBearerTokenException("the token names no user (sub)");
        }
        Role role;
        try {
            role = Role.valueOf(String.valueOf(jwt.getClaimAsString(roleClaim)).toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidBearerTokenException("the token's " + roleClaim + " claim names no ledger role");
        }
        String unit = jwt.getClaimAsString(unitClaim);
        if (!UnitId.isValid(unit)) {
            throw new InvalidBearerTokenException("the token's " + unitClaim + " claim is not a unit id");
        }
        return new Actor(subject, role, new UnitId(unit));
    }

    private static RSAPublicKey publicKey(String location) {
        Resource resource = new DefaultResourceLoader().getResource(location);
        try (InputStream in = resource.getInputStream()) {
            return RsaKeyConverters.x509().convert(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the token issuer's public key at " + location, e);
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
