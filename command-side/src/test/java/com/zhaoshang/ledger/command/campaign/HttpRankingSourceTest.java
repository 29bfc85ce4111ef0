package com.zhaoshang.ledger.command.campaign;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.sun.net.httpserver.HttpServer;
import com.zhaoshang.ledger.api.ErrorCode;
import com.zhaoshang.ledger.api.campaign.BulletinRanking;
import com.zhaoshang.ledger.api.campaign.FetchRankingQuery;
import org.axonframework.commandhandling.CommandExecutionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.client.RestClient;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The split deployment's ranking source: GET the query side's bulletin ranking with asOf, as a query-side user. */
class HttpRankingSourceTest {

    private static final Instant KNOWN_AT = Instant.parse("2026-01-05T01:00:00.123Z");
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private HttpServer server;
    private final List<String> requests = new ArrayList<>();
    private int status = 200;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/rankings/bulletin-ranking", exchange -> {
            requests.add(exchange.getRequestURI().toString() + " " + exchange.getRequestHeaders().getFirst("Authorization"));
            byte[] body = status == 200
                    ? JSON.writeValueAsBytes(BulletinTest.twoTowns(new FetchRankingQuery("towns", null,
                    LocalDate.of(2025, 12, 29), LocalDate.of(2026, 1, 4), KNOWN_AT)))
                    : "{\"status\":503}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private HttpRankingSource source() {
        return new HttpRankingSource(RestClient.builder(), "http://127.0.0.1:" + server.getAddress().getPort() + "/",
                "query-user", "secret", JSON);
    }

    @Test
    void fetchesTheRankingAsKnownAtThePublication() {
        BulletinRanking ranking = source().rankingAsKnownAt(new FetchRankingQuery("towns", null, LocalDate.of(2025, 12, 29),
                LocalDate.of(2026, 1, 4), KNOWN_AT));
        assertThat(ranking.knownAt()).isEqualTo(KNOWN_AT);
        assertThat(ranking.rows()).hasSize(2);
        assertThat(requests).containsExactly("/api/rankings/bulletin-ranking?asOf=2026-01-05T01:00:00.123Z&peerGroup=towns"
                + "&from=2025-12-29&to=2026-01-04 Basic cXVlcnktdXNlcjpzZWNyZXQ=");
    }

    @Test
    void aCampaignIsAskedByItsId() {
        source().rankingAsKnownAt(new FetchRankingQuery(null, "c-1", LocalDate.of(2025, 7, 1), LocalDate.of(2025, 9, 30), KNOWN_AT));
        assertThat(requests).singleElement().asString().contains("asOf=2026-01-05T01:00:00.123Z&campaignId=c-1 ");
    }

    @Test
    void aQuerySideWhoseViewsAreBehindRefusesAsUnavailable() {
        status = 503;
        assertThatThrownBy(() -> source().rankingAsKnownAt(new FetchRankingQuery("towns", null, LocalDate.of(2025, 12, 29),
                LocalDate.of(2026, 1, 4), KNOWN_AT)))
                .isInstanceOf(CommandExecutionException.class)
                .satisfies(e -> assertThat(((CommandExecutionException) e).getDetails()).contains(ErrorCode.UNAVAILABLE));
    }
}
