package com.zhaoshang.ledger.query.ranking;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.zhaoshang.ledger.api.accountability.AccountabilityRule;
import com.zhaoshang.ledger.api.accountability.AwardsVetoedEvent;
import com.zhaoshang.ledger.api.accountability.LeadershipAdjustmentProposedEvent;
import com.zhaoshang.ledger.api.accountability.PostAdjustmentProposedEvent;
import com.zhaoshang.ledger.api.accountability.SelfExaminationRequiredEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.AllowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;

/**
 * The year-close consequences (rules 6 and 7) for leaders, inspectors and admins: {@code GET /api/accountability?year=}.
 * Kept by its own processor {@value #GROUP} from the facts the command side's appraisals record.
 */
@Component
@ProcessingGroup(Accountability.GROUP)
@AllowReplay
public class Accountability {

    public static final String GROUP = "accountability-views";

    /** Which consequence a row is. */
    public enum Consequence { SELF_EXAMINATION_REQUIRED, LEADERSHIP_ADJUSTMENT_PROPOSED, POST_ADJUSTMENT_PROPOSED, AWARDS_VETOED }

    /** One consequence: {@code detail} is the fact as recorded (the rule's parameters, the missed targets). */
    public record Entry(int year, Consequence consequence, AccountabilityRule rule, String unitId, String unitName,
                        String peerGroup, String campaignId, String bulletinId, Instant recordedAt, JsonNode detail) {
    }

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    public Accountability(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @EventHandler
    public void on(SelfExaminationRequiredEvent e, EventMessage<?> message) {
        store(message, e.year(), Consequence.SELF_EXAMINATION_REQUIRED, e.rule(), e.unitId(), e.peerGroup(), null, e.bulletinId(), e);
    }

    @EventHandler
    public void on(LeadershipAdjustmentProposedEvent e, EventMessage<?> message) {
        store(message, e.year(), Consequence.LEADERSHIP_ADJUSTMENT_PROPOSED, e.rule(), e.unitId(), e.peerGroup(), null,
                e.bulletinId(), e);
    }

    @EventHandler
    public void on(PostAdjustmentProposedEvent e, EventMessage<?> message) {
        store(message, e.year(), Consequence.POST_ADJUSTMENT_PROPOSED, e.rule(), e.unitId(), e.peerGroup(), null,
                e.bulletinId(), e);
    }

    @EventHandler
    public void on(AwardsVetoedEvent e, EventMessage<?> message) {
        store(message, e.year(), Consequence.AWARDS_VETOED, e.rule(), e.unitId(), null, e.campaignId(), e.bulletinId(), e);
    }

    @ResetHandler
    public void reset() {
        jdbc.sql("DELETE FROM views_accountability").update();
    }

    private void store(EventMessage<?> message, int year, Consequence consequence, AccountabilityRule rule, String unitId,
                       String peerGroup, String campaignId, String bulletinId, Object payload) {
        jdbc.sql("""
                        INSERT INTO views_accountability (event_id, year, consequence, rule, unit_id, peer_group, campaign_id,
                            bulletin_id, recorded_at, detail) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        ON CONFLICT (event_id) DO NOTHING""")
                .params(message.getIdentifier(), year, consequence.name(), rule.name(), unitId, peerGroup, campaignId,
                        bulletinId, java.sql.Timestamp.from(message.getTimestamp()), write(payload))
                .update();
    }

    /** The consequences of a year (every year when null), by unit and kind. */
    public List<Entry> ofYear(Integer year) {
        return jdbc.sql("""
                        SELECT a.year, a.consequence, a.rule, a.unit_id, u.name, a.peer_group, a.campaign_id, a.bulletin_id,
                            a.recorded_at, a.detail
                        FROM views_accountability a LEFT JOIN views_unit u ON u.unit_id = a.unit_id
                        WHERE CAST(:year AS INTEGER) IS NULL OR a.year = :year
                        ORDER BY a.year, a.unit_id, a.consequence""")
                .param("year", year)
                .query((rs, n) -> new Entry(rs.getInt(1), Consequence.valueOf(rs.getString(2)),
                        AccountabilityRule.valueOf(rs.getString(3)), rs.getString(4), rs.getString(5), rs.getString(6),
                        rs.getString(7), rs.getString(8), rs.getTimestamp(9).toInstant(), read(rs.getString(10))))
                .list();
    }

    private String write(Object payload) {
        try {
            return json.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("a consequence cannot be stored", e);
        }
    }

    private JsonNode read(String text) {
        try {
            return json.readTree(text);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("a stored consequence cannot be read", e);
        }
    }
}
