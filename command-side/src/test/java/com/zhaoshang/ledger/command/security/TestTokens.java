package com.zhaoshang.ledger.command.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.function.Consumer;

/** An RSA issuer made in the test: its public key as a PEM file, and tokens it (or an impostor) signs. */
final class TestTokens {

    static final String ISSUER = "https://id.test.zhaoshang";
    static final String AUDIENCE = "zhaoshang-ledger";

    final KeyPair issuerKeys = keys();
    final KeyPair impostorKeys = keys();
    final Path publicKeyFile = pem(issuerKeys);

    /** A valid token for {@code sub}, role and unit, expiring in an hour; {@code change} may alter its claims. */
    String token(String subject, String role, String unit, Consumer<JWTClaimsSet.Builder> change) {
        return sign(issuerKeys, subject, role, unit, change);
    }

    String token(String subject, String role, String unit) {
        return token(subject, role, unit, claims -> { });
    }

    String impostorToken(String subject, String role, String unit) {
        return sign(impostorKeys, subject, role, unit, claims -> { });
    }

    private static String sign(KeyPair keys, String subject, String role, String unit,
                               Consumer<JWTClaimsSet.Builder> change) {
        Instant now = Instant.now();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(ISSUER).audience(List.of(AUDIENCE)).subject(subject)
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(3600)))
                .claim("role", role).claim("unit_id", unit);
        change.accept(claims);
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims.build());
        try {
            jwt.sign(new RSASSASigner(keys.getPrivate()));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    private static KeyPair keys() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path pem(KeyPair keys) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(keys.getPublic().getEncoded());
        try {
            Path file = Files.createTempFile("issuer", ".pem");
            file.toFile().deleteOnExit();
            Files.writeString(file, "-----BEGIN PUBLIC KEY-----\n" + body + "\n-----END PUBLIC KEY-----\n");
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
