package com.zhaoshang.ledger.command.campaign;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.zhaoshang.ledger.api.ErrorCode;
import com.zhaoshang.ledger.api.campaign.BulletinRanking;
import com.zhaoshang.ledger.api.campaign.FetchRankingQuery;
import com.zhaoshang.ledger.command.common.Refusal;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.util.UriComponentsBuilder;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The ranking over HTTP from the query side of a split deployment: {@code GET <url>/api/rankings/bulletin-ranking}
 * with {@code asOf}, as a query-side user ({@code ledger.bulletins.ranking-source.username/password}, HTTP Basic).
 * The query side answers once its views have caught up; a 503, any other failure or no answer refuses the publication
 * as UNAVAILABLE.
 */
public class HttpRankingSource implements RankingSource {

    private final RestClient http;
    private final String baseUrl;
    private final ObjectMapper json;

    public HttpRankingSource(RestClient.Builder builder, String baseUrl, String username, String password, ObjectMapper json) {
        RestClient.Builder b = builder.clone();
        if (username != null && !username.isBlank()) {
            String basic = Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
            b = b.defaultHeader("Authorization", "Basic " + basic);
        }
        this.http = b.build();
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.json = json;
    }

    @Override
    public BulletinRanking rankingAsKnownAt(FetchRankingQuery query) {
        URI uri = uri(query);
        try {
            String body = http.get().uri(uri).accept(MediaType.APPLICATION_JSON).retrieve().body(String.class);
            return json.readValue(body, BulletinRanking.class);
        } catch (RestClientException | JsonProcessingException | IllegalArgumentException e) {
            throw Refusal.of(ErrorCode.UNAVAILABLE, "the bulletin's ranking is not available now from the query side: "
                    + e.getMessage());
        }
    }

    URI uri(FetchRankingQuery query) {
        UriComponentsBuilder uri = UriComponentsBuilder.fromUriString(baseUrl + "/api/rankings/bulletin-ranking")
                .queryParam("asOf", query.knownAt().toString());
        if (query.peerGroup() != null) {
            uri.queryParam("peerGroup", query.peerGroup());
        }
        if (query.campaignId() != null) {
            uri.queryParam("campaignId", query.campaignId());
        } else {
            uri.queryParam("from", query.from().toString()).queryParam("to", query.to().toString());
        }
        return uri.encode().build().toUri();
    }
}
