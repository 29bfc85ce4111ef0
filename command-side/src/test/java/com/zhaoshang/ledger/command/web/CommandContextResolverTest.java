package com.zhaoshang.ledger.command.web;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The headers a command reads: If-Match as the expected version, Idempotency-Key as given; anything else malformed. */
class CommandContextResolverTest {

    @Test
    void ifMatchWithAQuotedVersionIsTheExpectedVersion() {
        assertThat(CommandContextResolver.expectedVersion(request("If-Match", "\"7\""))).isEqualTo(7L);
        assertThat(CommandContextResolver.expectedVersion(request("If-Match", " \"0\" "))).isZero();
    }

    @Test
    void noIfMatchOrAStarSetsNoCondition() {
        assertThat(CommandContextResolver.expectedVersion(new MockHttpServletRequest())).isNull();
        assertThat(CommandContextResolver.expectedVersion(request("If-Match", "*"))).isNull();
    }

    @Test
    void aMalformedIfMatchIsRefused() {
        for (String value : new String[]{"7", "W/\"7\"", "\"-1\"", "\"7", "\"1\", \"2\"", "\"99999999999999999999\"", ""}) {
            assertThatThrownBy(() -> CommandContextResolver.expectedVersion(request("If-Match", value)))
                    .as(value).isInstanceOf(InvalidHeaderException.class)
                    .satisfies(e -> assertThat(((InvalidHeaderException) e).header()).isEqualTo("If-Match"));
        }
        MockHttpServletRequest twice = request("If-Match", "\"1\"");
        twice.addHeader("If-Match", "\"2\"");
        assertThatThrownBy(() -> CommandContextResolver.expectedVersion(twice)).isInstanceOf(InvalidHeaderException.class);
    }

    @Test
    void anIdempotencyKeyIsOneToAHundredPrintableAsciiCharacters() {
        assertThat(CommandContextResolver.idempotencyKey(new MockHttpServletRequest())).isNull();
        assertThat(CommandContextResolver.idempotencyKey(request("Idempotency-Key", "a"))).isEqualTo("a");
        String longest = "k".repeat(100);
        assertThat(CommandContextResolver.idempotencyKey(request("Idempotency-Key", longest))).isEqualTo(longest);
        assertThat(CommandContextResolver.idempotencyKey(request("Idempotency-Key", "lead-2026/03:01~#1")))
                .isEqualTo("lead-2026/03:01~#1");
    }

    @Test
    void aMalformedIdempotencyKeyIsRefused() {
        for (String value : new String[]{"", "k".repeat(101), "two words", "schlüssel", "tab\there", "键"}) {
            assertThatThrownBy(() -> CommandContextResolver.idempotencyKey(request("Idempotency-Key", value)))
                    .as(value).isInstanceOf(InvalidHeaderException.class);
        }
    }

    private static MockHttpServletRequest request(String header, String value) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/projects");
        request.addHeader(header, value);
        return request;
    }
}
