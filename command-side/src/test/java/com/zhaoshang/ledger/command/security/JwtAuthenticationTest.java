package com.zhaoshang.ledger.command.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.zhaoshang.ledger.command.CommandSideApplication;
import com.zhaoshang.ledger.testsupport.TestPostgres;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The production mode: bearer tokens from an issuer whose key is generated here. Issuer, audience, expiry and
 * signature are enforced; role and unit come from the claims; every refusal is a 401/403 problem that stores nothing
 * and is recorded in {@code security_denial}.
 */
@SpringBootTest(classes = CommandSideApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "ledger.security.mode=jwt",
                "ledger.security.jwt.issuer=" + TestTokens.ISSUER,
                "ledger.security.jwt.audience=" + TestTokens.AUDIENCE,
        })
class JwtAuthenticationTest {

    private static final TestPostgres.Database DB = TestPostgres.newDatabase("command-jwt");
    private static final TestTokens TOKENS = new TestTokens();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String LEAD = """
            {"name":"%s年产5万吨新材料项目","unitId":"%s",
             "investor":{"name":"%s","kind":"PRIVATE"},
             "industryCode":"C3011","channel":"DOOR_TO_DOOR","occurredOn":"2026-03-02"}""";

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        DB.registerDataSource(registry::add);
        registry.add("ledger.security.jwt.public-key-location", () -> TOKENS.publicKeyFile.toUri().toString());
    }

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    private final HttpClient client = HttpClient.newHttpClient();

    @BeforeEach
    void units() throws Exception {
        String admin = TOKENS.token("admin.li", "ADMIN", "360800");
        for (String[] unit : new String[][]{{"360800", null}, {"360802", "360800"}, {"360803", "360800"}}) {
            if (jdbc.queryForObject("SELECT count(*) FROM unit_directory WHERE unit_id = ?", Long.class, unit[0]) == 0) {
                String body = unit[1] == null
                        ? "{\"id\":\"" + unit[0] + "\",\"name\":\"吉安市\",\"kind\":\"CITY\",\"peerGroup\":\"city\"}"
                        : "{\"id\":\"" + unit[0] + "\",\"name\":\"某区\",\"kind\":\"DISTRICT\",\"parentId\":\"" + unit[1]
                        + "\",\"peerGroup\":\"district\"}";
                assertThat(post(bearer(admin), "/api/units", body).statusCode()).isEqualTo(201);
            }
        }
    }

    @Test
    void aValidTokenActsAsItsSubjectRoleAndUnit() throws Exception {
        HttpResponse<String> lead = post(bearer(TOKENS.token("zhang.wei", "FRONT_OFFICE", "360802")), "/api/projects",
                LEAD.formatted("甲", "360802", "令牌甲有限公司"));

        assertThat(lead.statusCode()).as(lead.body()).isEqualTo(201);
        String id = JSON.readTree(lead.body()).get("id").asText();
        String metaData = jdbc.queryForObject(
                "SELECT convert_from(metadata, 'UTF8') FROM domainevententry WHERE aggregateidentifier = ?",
                String.class, id);
        JsonNode actor = JSON.readTree(metaData);
        assertThat(actor.get("userId").asText()).isEqualTo("zhang.wei");
        assertThat(actor.get("role").asText()).isEqualTo("FRONT_OFFICE");
        assertThat(actor.get("unitId").asText()).isEqualTo("360802");
    }

    @Test
    void noTokenIs401WithABearerChallenge() throws Exception {
        long events = events();
        long denials = denials();
        HttpResponse<String> answer = post(null, "/api/projects", LEAD.formatted("乙", "360802", "令牌乙有限公司"));

        assertRefused(answer, 401, "unauthenticated");
        assertThat(answer.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                value -> assertThat(value).startsWith("Bearer"));
        assertThat(events()).isEqualTo(events);
        assertThat(denials()).isEqualTo(denials + 1);
    }

    @Test
    void expiredWronglySignedWrongIssuerWrongAudienceAndIncompleteTokensAre401() throws Exception {
        Instant past = Instant.now().minusSeconds(7200);
        Map<String, String> tokens = Map.of(
                "expired", TOKENS.token("zhang.wei", "FRONT_OFFICE", "360802", c -> c
                        .issueTime(Date.from(past)).expirationTime(Date.from(past.plusSeconds(600)))),
                "impostor", TOKENS.impostorToken("zhang.wei", "FRONT_OFFICE", "360802"),
                "issuer", TOKENS.token("zhang.wei", "FRONT_OFFICE", "360802", c -> c.issuer("https://evil.example")),
                "audience", TOKENS.token("zhang.wei", "FRONT_OFFICE", "360802", c -> c.audience(List.of("other-app"))),
                "no-exp", TOKENS.token("zhang.wei", "FRONT_OFFICE", "360802", c -> c.expirationTime(null)),
                "no-role", TOKENS.token("zhang.wei", "SUPERUSER", "360802"),
                "bad-unit", TOKENS.token("zhang.wei", "FRONT_OFFICE", "Not A Unit"),
                "not-yet", TOKENS.token("zhang.wei", "FRONT_OFFICE", "360802",
                        c -> c.notBeforeTime(Date.from(Instant.now().plusSeconds(3600)))),
                "garbage", "not.a.token");
        for (Map.Entry<String, String> token : tokens.entrySet()) {
            long events = events();
            long denials = denials();
            HttpResponse<String> answer = post(bearer(token.getValue()), "/api/projects",
                    LEAD.formatted("丙", "360802", "令牌丙" + token.getKey() + "有限公司"));
            assertRefused(answer, 401, "unauthenticated");
            assertThat(events()).as(token.getKey()).isEqualTo(events);
            assertThat(denials()).as(token.getKey()).isEqualTo(denials + 1);
        }
    }

    @Test
    void demoCredentialsAreNotAcceptedInJwtMode() throws Exception {
        String basic = "Basic " + Base64.getEncoder().encodeToString("admin:admin-demo".getBytes(StandardCharsets.UTF_8));
        assertRefused(post(basic, "/api/projects", LEAD.formatted("丁", "360802", "令牌丁有限公司")), 401, "unauthenticated");
    }

    @Test
    void theRoleAndUnitOfTheClaimsAreEnforced() throws Exception {
        long events = events();
        assertRefused(post(bearer(TOKENS.token("wang.leader", "LEADER", "360800")), "/api/projects",
                LEAD.formatted("戊", "360802", "令牌戊有限公司")), 403, "forbidden");
        assertRefused(post(bearer(TOKENS.token("sibling.front", "FRONT_OFFICE", "360803")), "/api/projects",
                LEAD.formatted("戊", "360802", "令牌戊有限公司")), 403, "forbidden");
        assertThat(events()).isEqualTo(events);
        Map<String, Object> denial = jdbc.queryForMap(
                "SELECT user_id, role, unit_id, method, path, status, reason FROM security_denial ORDER BY id DESC LIMIT 1");
        assertThat(denial).containsEntry("user_id", "sibling.front").containsEntry("role", "FRONT_OFFICE")
                .containsEntry("unit_id", "360803").containsEntry("method", "POST")
                .containsEntry("path", "/api/projects").containsEntry("status", 403);
        assertThat((String) denial.get("reason")).contains("360802");
    }

    private static void assertRefused(HttpResponse<String> answer, int status, String slug) throws IOException {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(status);
        assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(JSON.readTree(answer.body()).get("type").asText()).isEqualTo("/problems/" + slug);
    }

    private static String bearer(String token) {
        return "Bearer " + token;
    }

    private long events() {
        return jdbc.queryForObject("SELECT count(*) FROM domainevententry", Long.class);
    }

    private long denials() {
        return jdbc.queryForObject("SELECT count(*) FROM security_denial", Long.class);
    }

    private HttpResponse<String> post(String authorization, String path, String body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
