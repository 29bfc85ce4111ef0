package com.zhaoshang.ledger.query.ranking;

import com.zhaoshang.ledger.api.campaign.BulletinRanking;
import com.zhaoshang.ledger.api.campaign.FetchRankingQuery;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

import java.time.Instant;

/**
 * The ranking a bulletin publishes, for the command side: by a query message ({@link FetchRankingQuery}, in one
 * process) or over HTTP ({@code GET /api/rankings/bulletin-ranking}, split deployment). It answers only once the views
 * have processed every event recorded so far ({@link ViewsCatchUp}), then ranks what was recorded until
 * {@code knownAt}, and names the rule's parameters it used.
 */
@Component
public class BulletinRankingSource {

    private final ViewsCatchUp views;
    private final Bulletins bulletins;
    private final RankingProperties properties;

    public BulletinRankingSource(ViewsCatchUp views, Bulletins bulletins, RankingProperties properties) {
        this.views = views;
        this.bulletins = bulletins;
        this.properties = properties;
    }

    @QueryHandler
    public BulletinRanking handle(FetchRankingQuery query) {
        views.await();
        Instant knownAt = query.knownAt();
        RankingService.Ranking ranking = bulletins.compile(query.peerGroup(), query.campaignId(), query.from(), query.to(),
                knownAt);
        return BulletinRankings.toEvent(ranking, knownAt, BulletinRankings.rule(properties));
    }
}
