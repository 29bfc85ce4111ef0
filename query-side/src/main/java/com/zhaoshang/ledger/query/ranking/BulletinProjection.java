package com.zhaoshang.ledger.query.ranking;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.zhaoshang.ledger.api.campaign.BulletinPublishedEvent;
import com.zhaoshang.ledger.query.campaign.CampaignProjection;
import com.zhaoshang.ledger.query.views.LeaderViewsProjection;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.AllowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;

/**
 * Freezes each published bulletin: its ranking computed from the facts recorded until its publication (the event's
 * recording time), stored once and never recomputed (a redelivery keeps the stored rows). Because the leaders' views
 * run in other processors, a bulletin waits until they have processed everything up to its own position in the store
 * (read from their committed tokens); until then the handler fails and the processor retries it.
 */
@Component
@ProcessingGroup(BulletinProjection.GROUP)
@AllowReplay
public class BulletinProjection {

    public static final String GROUP = "bulletin-views";
    static final List<String> PREREQUISITES = List.of(LeaderViewsProjection.GROUP, CampaignProjection.GROUP);

    private final JdbcClient jdbc;
    private final Bulletins bulletins;
    private final ObjectMapper json;
    private final Serializer serializer;

    public BulletinProjection(JdbcClient jdbc, Bulletins bulletins, ObjectMapper json, Serializer serializer) {
        this.jdbc = jdbc;
        this.bulletins = bulletins;
        this.json = json;
        this.serializer = serializer;
    }

    @EventHandler
    public void on(BulletinPublishedEvent event, @Timestamp Instant publishedAt, TrackingToken token)
            throws JsonProcessingException {
        long position = token == null ? -1 : token.position().orElse(-1);
        viewsHaveCaughtUpWith(position);
        RankingService.Ranking ranking = bulletins.compile(event.peerGroup(), event.campaignId(), event.from(), event.to(),
                publishedAt);
        jdbc.sql("""
                        INSERT INTO views_bulletin (bulletin_id, kind, title, peer_group, campaign_id, date_from, date_to,
                            published_at, ranking) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                        ON CONFLICT (bulletin_id) DO NOTHING""")
                .params(event.bulletinId(), event.kind().name(), event.title(), event.peerGroup(), event.campaignId(),
                        event.from(), event.to(), java.sql.Timestamp.from(publishedAt), json.writeValueAsString(ranking))
                .update();
    }

    @ResetHandler
    public void reset() {
        jdbc.sql("DELETE FROM views_bulletin").update();
    }

    /** The leaders' views have committed every event up to {@code position}; otherwise this bulletin must wait. */
    private void viewsHaveCaughtUpWith(long position) {
        for (String group : PREREQUISITES) {
            List<Long> positions = jdbc.sql("SELECT token, tokentype FROM tokenentry WHERE processorname = ?")
                    .param(group)
                    .query((rs, n) -> {
                        byte[] bytes = rs.getBytes("token");
                        if (bytes == null) {
                            return -1L;
                        }
                        TrackingToken t = serializer.deserialize(
                                new SimpleSerializedObject<>(bytes, byte[].class, rs.getString("tokentype"), null));
                        return t == null ? -1L : t.position().orElse(-1);
                    })
                    .list();
            if (positions.isEmpty() || positions.stream().anyMatch(p -> p < position)) {
                throw new IllegalStateException("bulletin at position " + position + " waits for " + group
                        + " (segments at " + positions + ")");
            }
        }
    }
}
