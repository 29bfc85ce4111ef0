package com.zhaoshang.ledger.single;

import com.fasterxml.jackson.databind.JsonNode;
import com.zhaoshang.ledger.testsupport.TestPostgres;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Security across both sides in one process with the demo users: a unit-scope refusal on the command side is read
 * back by an inspector from the query side's denial log; the packaging refuses to start under the prod profile.
 */
@SpringBootTest(classes = LedgerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SecurityEndToEndTest {

    private static final TestPostgres.Database DB = TestPostgres.newDatabase("security-e2e");

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        DB.registerDataSource(registry::add);
    }

    @LocalServerPort
    int port;

    @Test
    void aDistrictWritingForItsParentCityIsRefusedAndInspectorsSeeTheDenial() {
        LedgerHttp http = new LedgerHttp(port);
        assertThat(http.post("admin", "/api/units",
                "{\"id\":\"360800\",\"name\":\"吉安市\",\"kind\":\"CITY\",\"peerGroup\":\"city\"}").status()).isEqualTo(201);
        assertThat(http.post("admin", "/api/units", "{\"id\":\"360802\",\"name\":\"吉州区\",\"kind\":\"DISTRICT\","
                + "\"parentId\":\"360800\",\"peerGroup\":\"district\"}").status()).isEqualTo(201);

        LedgerHttp.Answer refused = http.post("front", "/api/projects", """
                {"name":"市本级项目","unitId":"360800","investor":{"name":"越权登记有限公司","kind":"PRIVATE"},
                 "industryCode":"C3011","channel":"DOOR_TO_DOOR","occurredOn":"2026-03-02"}""");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.contentType()).startsWith("application/problem+json");

        assertThat(http.get("leader", "/api/audit/denials").status()).isEqualTo(403);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            LedgerHttp.Answer denials = http.get("inspector", "/api/audit/denials");
            assertThat(denials.status()).isEqualTo(200);
            JsonNode list = denials.body().get("denials");
            assertThat(list).anySatisfy(denial -> {
                assertThat(denial.get("userId").asText()).isEqualTo("front");
                assertThat(denial.get("unitId").asText()).isEqualTo("360802");
                assertThat(denial.get("path").asText()).isEqualTo("/api/projects");
                assertThat(denial.get("status").asInt()).isEqualTo(403);
                assertThat(denial.get("reason").asText()).contains("360800");
            });
        });
    }

    @Test
    void theDemoPackagingRefusesToStartUnderTheProdProfile() {
        assertThatThrownBy(() -> new SpringApplicationBuilder(LedgerApplication.class)
                .profiles("prod")
                .properties("server.port=0", "spring.datasource.url=" + DB.jdbcUrl(),
                        "spring.datasource.username=" + DB.username(), "spring.datasource.password=" + DB.password(),
                        "ledger.audit.sealer.enabled=false")
                .run().close())
                .hasStackTraceContaining("refused under the 'prod' profile");
    }
}
