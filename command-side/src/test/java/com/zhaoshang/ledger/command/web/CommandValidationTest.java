package com.zhaoshang.ledger.command.web;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Bad input is a 400 problem naming the offending fields; nothing is sent to the domain and nothing is stored. */
class CommandValidationTest extends CommandWebTestBase {

    private static final String PROJECT = "/api/projects/" + UUID.randomUUID();
    private long eventsBefore;
    private long recordsBefore;

    @BeforeEach
    void countStoredRows() {
        eventsBefore = events();
        recordsBefore = idempotencyRecords();
    }

    @AfterEach
    void nothingWasStored() {
        assertThat(events()).isEqualTo(eventsBefore);
        assertThat(idempotencyRecords()).isEqualTo(recordsBefore);
    }

    @Test
    void missingFieldsAreListed() {
        CommandHttp.Answer answer = http.post("front", "/api/projects", "{\"investor\":{}}", "Idempotency-Key", newKey());

        assertProblem(answer, 400, "validation");
        assertThat(answer.errorFields()).containsExactly("channel", "industryCode", "investor.kind", "investor.name",
                "name", "occurredOn", "unitId");
        assertThat(answer.json().get("errors").get(0).get("message").asText()).isNotBlank();
    }

    @Test
    void malformedJsonIs400() {
        CommandHttp.Answer answer = http.post("front", "/api/projects", "{\"name\": \"x\",,}");

        assertProblem(answer, 400, "malformed-json");
        assertThat(answer.json().get("detail").asText()).contains("line 1");
    }

    @Test
    void anEmptyOrNonObjectBodyIs400() {
        assertProblem(http.post("front", PROJECT + "/negotiation", ""), 400, "malformed-request");
        assertProblem(http.post("front", PROJECT + "/negotiation", "[]"), 400, "malformed-request");
        assertProblem(http.post("front", PROJECT + "/negotiation", "\"2026-01-01\""), 400, "malformed-request");
    }

    @Test
    void anUnknownFieldIsRefusedByName() {
        String body = RequestBodies.lead("360802", "某公司", null).replace("\"channel\"", "\"recordedAt\":\"2026-01-01T00:00:00Z\",\"channel\"");
        CommandHttp.Answer answer = http.post("front", "/api/projects", body);

        assertProblem(answer, 400, "validation");
        assertThat(answer.errorFields()).containsExactly("recordedAt");
        assertThat(answer.json().at("/errors/0/message").asText()).contains("is not a field").contains("occurredOn");
    }

    @Test
    void anActorInTheBodyIsRefusedNotBelieved() {
        CommandHttp.Answer answer = http.post("front", PROJECT + "/negotiation",
                "{\"occurredOn\":\"2026-03-10\",\"userId\":\"someone-else\"}");

        assertProblem(answer, 400, "validation");
        assertThat(answer.errorFields()).containsExactly("userId");
    }

    @Test
    void aWrongEnumValueNamesTheAllowedOnes() {
        CommandHttp.Answer answer = http.post("front", "/api/projects",
                RequestBodies.lead("360802", "某公司", null).replace("DOOR_TO_DOOR", "TELEPATHY"));

        assertProblem(answer, 400, "validation");
        assertThat(answer.errorFields()).containsExactly("channel");
        assertThat(answer.json().at("/errors/0/message").asText()).contains("DOOR_TO_DOOR", "FAIR");
    }

    @Test
    void aWrongCurrencyIsRefused() {
        CommandHttp.Answer answer = http.post("front", PROJECT + "/intent",
                "{\"amount\":{\"amount\":\"1\",\"currency\":\"EUR\"},\"occurredOn\":\"2026-03-20\"}");

        assertProblem(answer, 400, "validation");
        assertThat(answer.errorFields()).containsExactly("amount.currency");
    }

    @Test
    void moneyWithTooManyDecimalsOrDigitsOrNotPositiveIsRefused() {
        for (String amount : new String[]{"\"1.001\"", "1.001", "\"12345678901234567\"", "\"0\"", "\"-5\"", "\"abc\"", "true"}) {
            CommandHttp.Answer answer = http.post("front", PROJECT + "/intent",
                    "{\"amount\":{\"amount\":" + amount + ",\"currency\":\"CNY\"},\"occurredOn\":\"2026-03-20\"}");
            assertProblem(answer, 400, "validation");
            assertThat(answer.errorFields()).as(amount).containsExactly("amount.amount");
        }
    }

    @Test
    void aBadDateIsRefused() {
        for (String date : new String[]{"\"2026-13-01\"", "\"01/03/2026\"", "20260301"}) {
            CommandHttp.Answer answer = http.post("front", PROJECT + "/negotiation", "{\"occurredOn\":" + date + "}");
            assertProblem(answer, 400, "validation");
            assertThat(answer.errorFields()).as(date).containsExactly("occurredOn");
        }
    }

    @Test
    void creditAndIndustryCodesAreCheckedByTheValueTypes() {
        String body = RequestBodies.lead("360802", "某公司", "91350100M000100Y44").replace("C3011", "A30");
        CommandHttp.Answer answer = http.post("front", "/api/projects", body);

        assertProblem(answer, 400, "validation");
        assertThat(answer.errorFields()).containsExactly("industryCode", "investor.creditCode");
        JsonNode errors = answer.json().get("errors");
        assertThat(errors.get(0).get("message").asText()).contains("does not belong to section A");
        assertThat(errors.get(1).get("message").asText()).contains("check character");
    }

    @Test
    void aBadUnitIdOrCountryIsRefused() {
        String body = RequestBodies.lead("Jiangxi!", "某公司", null).replace("\"kind\":\"PRIVATE\"", "\"country\":\"hk\",\"kind\":\"FOREIGN\"");
        CommandHttp.Answer answer = http.post("front", "/api/projects", body);

        assertProblem(answer, 400, "validation");
        assertThat(answer.errorFields()).containsExactly("investor.country", "unitId");
    }

    @Test
    void controlAndInvisibleCharactersAreRefused() {
        for (String name : new String[]{"项目\\u0000", "项目\\u0007名", "项目\\u202Egnp.exe", "项目\\n名"}) {
            CommandHttp.Answer answer = http.post("front", "/api/projects",
                    RequestBodies.lead("360802", "某公司", null).replace("\"name\":\"某公司年产", "\"name\":\"" + name + "年产"));
            assertProblem(answer, 400, "validation");
            assertThat(answer.errorFields()).as(name).containsExactly("name");
        }
    }

    @Test
    void stringsAreLengthBounded() {
        CommandHttp.Answer answer = http.post("front", PROJECT + "/abandonment",
                "{\"reason\":\"" + "长".repeat(1001) + "\",\"occurredOn\":\"2026-03-10\"}");

        assertProblem(answer, 400, "validation");
        assertThat(answer.errorFields()).containsExactly("reason");
    }

    @Test
    void aMalformedIfMatchIs400() {
        for (String ifMatch : new String[]{"3", "W/\"3\"", "\"three\"", "\"1\", \"2\""}) {
            CommandHttp.Answer answer = http.post("front", PROJECT + "/negotiation", "{\"occurredOn\":\"2026-03-10\"}",
                    "If-Match", ifMatch);
            assertProblem(answer, 400, "validation");
            assertThat(answer.errorFields()).as(ifMatch).containsExactly("If-Match");
        }
    }

    @Test
    void aMalformedIdempotencyKeyIs400() {
        for (String key : new String[]{"x".repeat(101), "key with spaces", ""}) {
            CommandHttp.Answer answer = http.post("front", "/api/projects", RequestBodies.lead("360802", "某公司", null),
                    "Idempotency-Key", key);
            assertProblem(answer, 400, "validation");
            assertThat(answer.errorFields()).as(key).containsExactly("Idempotency-Key");
        }
    }

    @Test
    void anIdThatTheServerNeverMadeIsNotFound() {
        assertProblem(http.post("front", "/api/projects/not-a-uuid/negotiation", "{\"occurredOn\":\"2026-03-10\"}"),
                404, "not-found");
        assertProblem(http.post("verifier", PROJECT + "/capital-arrivals/42/verification",
                "{\"verifiedAmount\":{\"amount\":\"1\",\"currency\":\"CNY\"},"
                        + "\"evidence\":{\"kind\":\"BANK_RECEIPT\",\"reference\":\"B-1\"}}"), 404, "not-found");
    }

    @Test
    void aBodyOver256KbIs413WhetherAnnouncedOrStreamed() {
        String filler = "x".repeat(256 * 1024);
        String big = "{\"occurredOn\":\"2026-03-10\",\"filler\":\"" + filler + "\"}";
        assertProblem(http.post("front", PROJECT + "/negotiation", big), 413, "payload-too-large");

        CommandHttp.Answer chunked = http.postChunked("front", PROJECT + "/negotiation", big.getBytes(StandardCharsets.UTF_8));
        assertProblem(chunked, 413, "payload-too-large");
    }

    @Test
    void aBodyJustUnderTheLimitIsReadAndValidated() {
        byte[] padding = new byte[256 * 1024 - 40];
        Arrays.fill(padding, (byte) ' ');
        String body = "{\"occurredOn\":\"2026-13-10\"" + new String(padding, StandardCharsets.US_ASCII) + "}";
        assertThat(body.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(256 * 1024);

        CommandHttp.Answer answer = http.post("front", PROJECT + "/negotiation", body);
        assertProblem(answer, 400, "validation");
        assertThat(answer.errorFields()).containsExactly("occurredOn");
    }

    @Test
    void anotherMediaTypeIs415() {
        assertProblem(http.send("front", "POST", PROJECT + "/negotiation", "text/plain", "occurredOn=2026-03-10"),
                415, "unsupported-media-type");
    }

    private long idempotencyRecords() {
        return jdbc.queryForObject("SELECT count(*) FROM idempotency_record", Long.class);
    }
}
