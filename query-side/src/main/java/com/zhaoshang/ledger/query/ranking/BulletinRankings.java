package com.zhaoshang.ledger.query.ranking;

import com.zhaoshang.ledger.api.campaign.BulletinIndicatorValue;
import com.zhaoshang.ledger.api.campaign.BulletinPublishedEvent;
import com.zhaoshang.ledger.api.campaign.BulletinRanking;
import com.zhaoshang.ledger.api.campaign.BulletinRankingRule;
import com.zhaoshang.ledger.api.campaign.BulletinRow;
import com.zhaoshang.ledger.api.campaign.TargetFilter;
import com.zhaoshang.ledger.query.campaign.CampaignViews;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Between the query side's {@link RankingService.Ranking} and the rows a bulletin event holds
 * ({@link BulletinRanking}): the same numbers both ways, so that the JSON and the XLSX of a bulletin show what its
 * event holds.
 */
final class BulletinRankings {

    private BulletinRankings() {
    }

    /** The rule's parameters as the event records them. */
    static BulletinRankingRule rule(RankingProperties p) {
        return new BulletinRankingRule(Map.copyOf(p.weights()), p.completionCap(), p.overdueDeduction(),
                p.constructionDeadlineDays(), p.greenThreshold(), p.yellowThreshold());
    }

    static BulletinRanking toEvent(RankingService.Ranking ranking, Instant knownAt, BulletinRankingRule rule) {
        List<BulletinRow> rows = ranking.rows().stream()
                .map(r -> new BulletinRow(r.rank(), r.previousRank(), r.movement(), r.unitId(), r.unitName(), r.score(),
                        r.colour().name(), r.overdueProjects(), r.indicators().stream()
                        .map(v -> new BulletinIndicatorValue(v.indicator(), filter(v.filter()), v.currency(), v.actual(),
                                v.target(), v.completion(), v.weight()))
                        .toList()))
                .toList();
        return new BulletinRanking(knownAt, ranking.previousFrom(), ranking.previousTo(), ranking.expectedProgress(), rule,
                rows);
    }

    /** The ranking a bulletin event holds, in the shape of the live rankings (an old event without rows: no rows). */
    static RankingService.Ranking toView(BulletinPublishedEvent event) {
        BulletinRanking ranking = event.ranking();
        List<RankingService.RankingRow> rows = event.publishedRows().stream()
                .map(r -> new RankingService.RankingRow(r.rank(), r.previousRank(), r.movement(), r.unitId(), r.unitName(),
                        r.score(), RankingService.Colour.valueOf(r.colour()), r.overdueProjects(), r.indicators().stream()
                        .map(v -> new RankingService.IndicatorValue(v.indicator(), filter(v.filter()), v.currency(),
                                v.actual(), v.target(), v.completion(), v.weight()))
                        .toList()))
                .toList();
        return new RankingService.Ranking(event.peerGroup(), event.campaignId(), event.from(), event.to(),
                ranking == null ? null : ranking.previousFrom(), ranking == null ? null : ranking.previousTo(),
                ranking == null ? null : ranking.expectedProgress(), rows);
    }

    private static TargetFilter filter(CampaignViews.Filter filter) {
        return filter == null ? null : new TargetFilter(filter.industrial(), filter.minAmount());
    }

    private static CampaignViews.Filter filter(TargetFilter filter) {
        return filter == null ? null : new CampaignViews.Filter(filter.industrial(), filter.minAmount());
    }
}
