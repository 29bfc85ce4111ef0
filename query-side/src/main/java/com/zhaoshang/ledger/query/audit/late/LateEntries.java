package com.zhaoshang.ledger.query.audit.late;

import com.zhaoshang.ledger.query.common.Rows;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Rule 9 (late entries, 补录) for inspectors: the facts whose recording lags their business date by more than
 * {@code ledger.audit.late-entry-days} [7] days, or that were recorded after a published bulletin whose figures they
 * would change. A bulletin is changed by a fact when the fact's {@code occurredOn} is inside the bulletin's period, the
 * fact was recorded after the bulletin's publication, and the fact's unit — or a unit above it, since a unit's figures
 * include its subtree — is ranked by the bulletin: in its peer group, or (campaign bulletins) among the campaign's
 * targeted units, of its peer group when it names one.
 * <p>
 * Reads only the tables of {@link LateEntriesProjection}; both queries are index-driven on {@code audit_fact}
 * (recording time, unit) and walk the unit tree (hundreds of rows) once per request.
 */
@Component
public class LateEntries {

    /** Facts are numerous, units and bulletins few: the tree is expanded once, then joined to the few candidate facts. */
    private static final String AFFECTED = """
            WITH RECURSIVE line(unit_id, ancestor_id) AS (
                SELECT unit_id, unit_id FROM audit_unit
                UNION ALL
                SELECT l.unit_id, u.parent_id FROM line l JOIN audit_unit u ON u.unit_id = l.ancestor_id
                WHERE u.parent_id IS NOT NULL
            ),
            candidate AS (SELECT f.* FROM audit_fact f WHERE %s),
            affected(event_id, bulletin_id) AS (
                SELECT DISTINCT c.event_id, b.bulletin_id
                FROM candidate c
                JOIN audit_bulletin b ON c.occurred_on BETWEEN b.date_from AND b.date_to AND c.recorded_at > b.published_at
                JOIN line l ON l.unit_id = c.unit_id
                JOIN audit_unit a ON a.unit_id = l.ancestor_id
                WHERE (b.campaign_id IS NULL AND a.peer_group = b.peer_group)
                   OR (b.campaign_id IS NOT NULL AND (b.peer_group IS NULL OR a.peer_group = b.peer_group)
                       AND EXISTS (SELECT 1 FROM audit_campaign_unit t
                                   WHERE t.campaign_id = b.campaign_id AND t.unit_id = a.unit_id))
            )
            """;

    private final JdbcClient jdbc;
    private final int lateEntryDays;

    public LateEntries(JdbcClient jdbc, @Value("${ledger.audit.late-entry-days:7}") int lateEntryDays) {
        this.jdbc = jdbc;
        this.lateEntryDays = lateEntryDays;
    }

    /** Who recorded the fact (from its metadata); null fields for a fact recorded by no user. */
    public record Recorder(String userId, String role, String unitId) {
    }

    /** A bulletin a late fact would change: its figures for the fact's period were published before the fact. */
    public record AffectedBulletin(String bulletinId, String title, String kind, String peerGroup, String campaignId,
                                   LocalDate from, LocalDate to, Instant publishedAt) {
    }

    /**
     * One late entry.
     *
     * @param lagDays        the recording (Beijing) date minus {@code occurredOn}
     * @param lagging        whether the lag alone makes it late (more than the configured days)
     * @param afterBulletins the bulletins it would change (empty when only the lag makes it late)
     */
    public record LateEntry(String eventId, String type, String aggregateId, Long sequence, String projectId,
                            String unitId, LocalDate occurredOn, Instant recordedAt, int lagDays, boolean lagging,
                            Recorder actor, List<AffectedBulletin> afterBulletins) {
    }

    /** A page in recording order; {@code lateEntryDays} is the threshold the page was computed with. */
    public record LateEntryPage(int page, int size, boolean hasMore, int lateEntryDays, List<LateEntry> entries) {
    }

    public int lateEntryDays() {
        return lateEntryDays;
    }

    /**
     * The late entries recorded within [from, to) (either may be null), of {@code unitId} and its subtree when given.
     */
    public LateEntryPage find(Instant from, Instant to, String unitId, int page, int size) {
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        if (from != null) {
            where.add("f.recorded_at >= :from");
            params.put("from", Timestamp.from(from));
        }
        if (to != null) {
            where.add("f.recorded_at < :to");
            params.put("to", Timestamp.from(to));
        }
        if (unitId != null) {
            where.add("(f.unit_id = :unitId OR f.unit_id IN (SELECT l.unit_id FROM line l WHERE l.ancestor_id = :unitId))");
            params.put("unitId", unitId);
        }
        String filter = where.isEmpty() ? "TRUE" : String.join(" AND ", where);
        List<LateEntry> found = new ArrayList<>(jdbc.sql(AFFECTED.formatted(filter) + """
                        SELECT c.* FROM candidate c
                        WHERE c.lag_days > :lateEntryDays OR c.event_id IN (SELECT event_id FROM affected)
                        ORDER BY c.recorded_at, c.event_id
                        LIMIT :limit OFFSET :offset""")
                .params(params)
                .param("lateEntryDays", lateEntryDays)
                .param("limit", size + 1)
                .param("offset", (long) page * size)
                .query((rs, n) -> new LateEntry(rs.getString("event_id"), rs.getString("type"),
                        rs.getString("aggregate_id"), rs.getObject("sequence", Long.class), rs.getString("project_id"),
                        rs.getString("unit_id"), Rows.date(rs, "occurred_on"), Rows.instant(rs, "recorded_at"),
                        rs.getInt("lag_days"), rs.getInt("lag_days") > lateEntryDays,
                        new Recorder(rs.getString("user_id"), rs.getString("role"), rs.getString("actor_unit_id")),
                        new ArrayList<>()))
                .list());
        boolean hasMore = found.size() > size;
        List<LateEntry> entries = hasMore ? found.subList(0, size) : found;
        attachBulletins(entries);
        return new LateEntryPage(page, size, hasMore, lateEntryDays, entries);
    }

    /** Fills each entry's bulletins, in publication order. */
    private void attachBulletins(List<LateEntry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        Map<String, LateEntry> byId = new LinkedHashMap<>();
        entries.forEach(e -> byId.put(e.eventId(), e));
        jdbc.sql(AFFECTED.formatted("f.event_id IN (:ids)") + """
                        SELECT a.event_id, b.bulletin_id, b.title, b.kind, b.peer_group, b.campaign_id, b.date_from,
                               b.date_to, b.published_at
                        FROM affected a JOIN audit_bulletin b ON b.bulletin_id = a.bulletin_id
                        ORDER BY b.published_at, b.bulletin_id""")
                .param("ids", List.copyOf(byId.keySet()))
                .query((rs, n) -> {
                    byId.get(rs.getString("event_id")).afterBulletins().add(new AffectedBulletin(
                            rs.getString("bulletin_id"), rs.getString("title"), rs.getString("kind"),
                            rs.getString("peer_group"), rs.getString("campaign_id"), Rows.date(rs, "date_from"),
                            Rows.date(rs, "date_to"), Rows.instant(rs, "published_at")));
                    return 0;
                })
                .list();
    }
}
