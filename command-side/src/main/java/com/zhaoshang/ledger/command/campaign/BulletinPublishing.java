package com.zhaoshang.ledger.command.campaign;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.zhaoshang.ledger.api.campaign.BulletinPublishedEventUpcaster;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.client.RestClient;

/**
 * Wiring of bulletin publication: the {@link RankingSource} (HTTP to the query side when
 * {@code ledger.bulletins.ranking-source.url} is set, else a query message in this process) and the upcaster of
 * bulletin events (one bean when both sides share a context).
 */
@Configuration(proxyBeanMethods = false)
public class BulletinPublishing {

    @Bean
    public RankingSource rankingSource(QueryGateway queries, ObjectMapper json,
                                       org.springframework.beans.factory.ObjectProvider<RestClient.Builder> restClients,
                                       @Value("${ledger.bulletins.ranking-source.url:}") String url,
                                       @Value("${ledger.bulletins.ranking-source.username:}") String username,
                                       @Value("${ledger.bulletins.ranking-source.password:}") String password) {
        if (url == null || url.isBlank()) {
            return new QueryGatewayRankingSource(queries);
        }
        return new HttpRankingSource(restClients.getIfAvailable(RestClient::builder), url.strip(), username, password, json);
    }

    @Bean
    @ConditionalOnMissingBean
    public BulletinPublishedEventUpcaster bulletinPublishedEventUpcaster() {
        return new BulletinPublishedEventUpcaster();
    }
}
