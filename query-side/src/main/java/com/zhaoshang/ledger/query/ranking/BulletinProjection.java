package com.zhaoshang.ledger.query.ranking;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.zhaoshang.ledger.api.campaign.BulletinPublishedEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.AllowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Instant;

/**
 * Published bulletins: each stored as its event holds it — the rows as published, the instant they were known at and
 * the rule's parameters. Nothing is computed here, so nothing waits: a redelivery or a replay stores the same rows.
 * An event of revision 1 held no rows: it is stored with none and {@code rows_recorded} false.
 */
@Component
@ProcessingGroup(BulletinProjection.GROUP)
@AllowReplay
public class BulletinProjection {

    public static final String GROUP = "bulletin-views";

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    public BulletinProjection(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @EventHandler
    public void on(BulletinPublishedEvent event, @Timestamp Instant publishedAt) throws JsonProcessingException {
        RankingService.Ranking ranking = BulletinRankings.toView(event);
        Instant knownAt = event.ranking() == null ? null : event.ranking().knownAt();
        String rule = event.ranking() == null || event.ranking().rule() == null ? null
                : json.writeValueAsString(event.ranking().rule());
        jdbc.sql("""
                        INSERT INTO views_bulletin (bulletin_id, kind, title, peer_group, campaign_id, date_from, date_to,
                            published_at, ranking, known_at, rows_recorded, rule) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        ON CONFLICT (bulletin_id) DO NOTHING""")
                .params(event.bulletinId(), event.kind().name(), event.title(), event.peerGroup(), event.campaignId(),
                        event.from(), event.to(), java.sql.Timestamp.from(publishedAt), json.writeValueAsString(ranking),
                        knownAt == null ? null : java.sql.Timestamp.from(knownAt), event.rowsRecorded(), rule)
                .update();
    }

    @ResetHandler
    public void reset() {
        jdbc.sql("DELETE FROM views_bulletin").update();
    }
}
