package com.zhaoshang.ledger.query.ranking;

import com.zhaoshang.ledger.api.campaign.BulletinRanking;
import com.zhaoshang.ledger.api.campaign.FetchRankingQuery;
import com.zhaoshang.ledger.query.campaign.CampaignViews;
import com.zhaoshang.ledger.query.views.LeaderViewsReads;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import java.time.Instant;
import java.time.LocalDate;

/**
 * {@code GET /api/rankings?peerGroup=&from=&to=} or {@code ?campaignId=[&peerGroup=]}, optionally {@code &asOf=<instant>}
 * for the ranking as known then (facts recorded later ignored): see {@link RankingService} for the formula.
 */
@RestController
public class RankingController {

    private final RankingService rankings;
    private final CampaignViews campaigns;
    private final BulletinRankingSource bulletinRankings;

    private final LeaderViewsReads reads;

    public RankingController(RankingService rankings, CampaignViews campaigns, BulletinRankingSource bulletinRankings,
                             LeaderViewsReads reads) {
        this.rankings = rankings;
        this.campaigns = campaigns;
        this.bulletinRankings = bulletinRankings;
        this.reads = reads;
    }

    private record CampaignRankingRead(String campaignId, String peerGroup, Instant asOf) {
    }

    private record PeriodRankingRead(String peerGroup, LocalDate from, LocalDate to, Instant asOf) {
    }

    /**
     * {@code GET /api/rankings/bulletin-ranking?peerGroup=&from=&to=&asOf=} (or {@code campaignId=}): the ranking a
     * bulletin publishes, as known at {@code asOf}, answered once the views have processed every event recorded so
     * far; {@code 503} when they do not within {@code ledger.bulletins.views-timeout}. The command side's ranking
     * source in the split deployment.
     */
    @GetMapping("/api/rankings/bulletin-ranking")
    public BulletinRanking bulletinRanking(@RequestParam(required = false) String peerGroup,
                                           @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                           @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                                           @RequestParam(required = false) String campaignId,
                                           @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant asOf) {
        if (campaignId == null && (peerGroup == null || peerGroup.isBlank() || from == null || to == null)) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "give peerGroup, from and to (or campaignId)");
        }
        try {
            return bulletinRankings.handle(new FetchRankingQuery(peerGroup, campaignId, from, to, asOf));
        } catch (ViewsCatchUp.ViewsBehindException e) {
            throw new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage(), e);
        }
    }

    @GetMapping("/api/rankings")
    public RankingService.Ranking handle(@RequestParam(required = false) String peerGroup,
                                         @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                         @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                                         @RequestParam(required = false) String campaignId,
                                         @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant asOf) {
        if (campaignId != null) {
            if (from != null || to != null) {
                throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "give either campaignId or from and to, not both");
            }
            return reads.read(new CampaignRankingRead(campaignId, peerGroup, asOf), () -> campaigns.find(campaignId)
                            .map(campaign -> rankings.forCampaign(campaign, peerGroup, asOf)))
                    .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no campaign " + campaignId));
        }
        if (peerGroup == null || peerGroup.isBlank() || from == null || to == null) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "give peerGroup, from and to (or campaignId)");
        }
        if (to.isBefore(from)) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "to is before from");
        }
        return reads.read(new PeriodRankingRead(peerGroup, from, to, asOf), () -> rankings.forPeriod(peerGroup, from, to, asOf));
    }
}
