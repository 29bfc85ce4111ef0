package com.zhaoshang.ledger.query.security;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.zhaoshang.ledger.api.value.Role;
import com.zhaoshang.ledger.query.QuerySideApplication;
import com.zhaoshang.ledger.query.testing.QueryTestDatabase;
import com.zhaoshang.ledger.testsupport.TestPostgres;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Bearer tokens on the query side: a valid token reads; expired, wrongly signed or foreign tokens are 401. */
@SpringBootTest(classes = QuerySideApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "ledger.security.mode=jwt",
                "ledger.security.jwt.issuer=https://id.test.zhaoshang",
                "ledger.security.jwt.audience=zhaoshang-ledger",
        })
class QueryJwtAuthenticationTest {

    private static final TestPostgres.Database DB = QueryTestDatabase.withEventTables("query-jwt");
    private static final KeyPair ISSUER = keys();
    private static final KeyPair IMPOSTOR = keys();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws Exception {
        DB.registerDataSource(registry::add);
        Path pem = Files.createTempFile("query-issuer", ".pem");
        pem.toFile().deleteOnExit();
        Files.writeString(pem, "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(ISSUER.getPublic().getEncoded()) + "\n-----END PUBLIC KEY-----\n");
        registry.add("ledger.security.jwt.public-key-location", () -> pem.toUri().toString());
    }

    @LocalServerPort
    int port;
    private final HttpClient client = HttpClient.newHttpClient();

    @Test
    void aValidTokenReadsAndBadTokensAre401() throws Exception {
        Instant now = Instant.now();
        assertThat(get(token(ISSUER, "https://id.test.zhaoshang", "zhaoshang-ledger", now.plusSeconds(600)))
                .statusCode()).isEqualTo(200);
        for (String bad : List.of(
                token(ISSUER, "https://id.test.zhaoshang", "zhaoshang-ledger", now.minusSeconds(600)),
                token(IMPOSTOR, "https://id.test.zhaoshang", "zhaoshang-ledger", now.plusSeconds(600)),
                token(ISSUER, "https://evil.example", "zhaoshang-ledger", now.plusSeconds(600)),
                token(ISSUER, "https://id.test.zhaoshang", "another-app", now.plusSeconds(600)))) {
            HttpResponse<String> answer = get(bad);
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(401);
            assertThat(answer.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                    value -> assertThat(value).startsWith("Bearer"));
        }
        assertThat(get(null).statusCode()).isEqualTo(401);
    }

    @Test
    void theProductionProfileRefusesDemoUsers() {
        MockEnvironment production = new MockEnvironment();
        production.setActiveProfiles("prod");
        QuerySecurityProperties demo = new QuerySecurityProperties(List.of(
                new QuerySecurityProperties.User("admin", "{noop}admin-demo", Role.ADMIN, "360800")));
        assertThatThrownBy(() -> QuerySecurityConfiguration.checkedMode(demo, production))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("prod");
        assertThat(QuerySecurityConfiguration.checkedMode(new QuerySecurityProperties(List.of()), production))
                .isEqualTo(QuerySecurityProperties.Mode.JWT);
    }

    private HttpResponse<String> get(String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/units"));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return client.send(request.GET().build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static String token(KeyPair keys, String issuer, String audience, Instant expiry) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), new JWTClaimsSet.Builder()
                .issuer(issuer).audience(audience).subject("li.leader").claim("role", "LEADER")
                .claim("unit_id", "360800").issueTime(Date.from(expiry.minusSeconds(3600)))
                .expirationTime(Date.from(expiry)).build());
        jwt.sign(new RSASSASigner(keys.getPrivate()));
        return jwt.serialize();
    }

    private static KeyPair keys() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
