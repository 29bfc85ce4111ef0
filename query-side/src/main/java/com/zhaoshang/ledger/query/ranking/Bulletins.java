package com.zhaoshang.ledger.query.ranking;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.zhaoshang.ledger.api.campaign.BulletinKind;
import com.zhaoshang.ledger.api.campaign.BulletinPublishedEvent;
import com.zhaoshang.ledger.api.campaign.BulletinRankingRule;
import com.zhaoshang.ledger.query.campaign.CampaignViews;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/** Published bulletins as their events hold them, and their verification against the facts. */
@Service
public class Bulletins {

    public record BulletinSummary(String id, BulletinKind kind, String title, String peerGroup, String campaignId,
                                  LocalDate from, LocalDate to, Instant publishedAt) {
    }

    /**
     * A bulletin as published: {@code publishedAt} is its event's recording time, {@code knownAt} the instant its rows
     * were known at (facts recorded later do not count; null for a bulletin of revision 1, whose rows were not
     * recorded: {@code rowsRecorded} false), {@code rule} the ranking rule's parameters it used.
     */
    public record Bulletin(String id, BulletinKind kind, String title, String peerGroup, String campaignId,
                           LocalDate from, LocalDate to, Instant publishedAt, RankingService.Ranking ranking,
                           Instant knownAt, boolean rowsRecorded, BulletinRankingRule rule) {
    }

    /** A field of a unit's row that differs between the bulletin as published and as recomputed. */
    public record Difference(String unitId, String field, String published, String recomputed) {
    }

    /**
     * The bulletin recomputed from the facts recorded until its rows were known ({@code knownAt}; the publication for a
     * bulletin of revision 1), and how it differs from the rows its event holds ({@code rowsRecorded} false: the
     * event holds none, so every recomputed row is a difference).
     */
    public record Verification(String bulletinId, Instant publishedAt, Instant knownAt, boolean rowsRecorded,
                               boolean matches, List<Difference> differences,
                               RankingService.Ranking published, RankingService.Ranking recomputed) {
    }

    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final RankingService rankings;
    private final CampaignViews campaigns;
    private final EventStore events;

    public Bulletins(JdbcClient jdbc, ObjectMapper json, RankingService rankings, CampaignViews campaigns,
                     EventStore events) {
        this.jdbc = jdbc;
        this.json = json;
        this.rankings = rankings;
        this.campaigns = campaigns;
        this.events = events;
    }

    /** The ranking of a bulletin as known at {@code knownAt}: a peer group's period, or a campaign's units. */
    public RankingService.Ranking compile(String peerGroup, String campaignId, LocalDate from, LocalDate to, Instant knownAt) {
        if (campaignId == null) {
            return rankings.forPeriod(peerGroup, from, to, knownAt);
        }
        return campaigns.find(campaignId)
                .map(c -> rankings.forCampaign(c, peerGroup, knownAt))
                .orElseGet(() -> new RankingService.Ranking(peerGroup, campaignId, from, to, null, null, null, List.of()));
    }

    /**
     * 核验通报: reads the bulletin's event from the store (the audit log, not this view), recomputes its ranking from the
     * facts recorded until its rows were known and lists every difference from the rows the event holds.
     */
    public Optional<Verification> verify(String id) {
        DomainEventStream stream = events.readEvents(id);
        if (!stream.hasNext()) {
            return Optional.empty();
        }
        DomainEventMessage<?> message = stream.next();
        if (!(message.getPayload() instanceof BulletinPublishedEvent event)) {
            return Optional.empty();
        }
        Instant publishedAt = message.getTimestamp();
        Instant knownAt = event.ranking() == null || event.ranking().knownAt() == null ? publishedAt : event.ranking().knownAt();
        RankingService.Ranking published = BulletinRankings.toView(event);
        RankingService.Ranking recomputed = compile(event.peerGroup(), event.campaignId(), event.from(), event.to(), knownAt);
        List<Difference> differences = differences(published, recomputed);
        return Optional.of(new Verification(id, publishedAt, knownAt, event.rowsRecorded(), differences.isEmpty(),
                differences, published, recomputed));
    }

    private static List<Difference> differences(RankingService.Ranking published, RankingService.Ranking recomputed) {
        Map<String, RankingService.RankingRow> before = new LinkedHashMap<>();
        published.rows().forEach(r -> before.put(r.unitId(), r));
        Map<String, RankingService.RankingRow> after = new LinkedHashMap<>();
        recomputed.rows().forEach(r -> after.put(r.unitId(), r));
        List<Difference> differences = new ArrayList<>();
        Set<String> units = new LinkedHashSet<>(before.keySet());
        units.addAll(after.keySet());
        for (String unit : units) {
            RankingService.RankingRow p = before.get(unit);
            RankingService.RankingRow r = after.get(unit);
            if (p == null || r == null) {
                differences.add(new Difference(unit, "row", p == null ? null : "ranked", r == null ? null : "ranked"));
                continue;
            }
            compare(differences, unit, "rank", p.rank(), r.rank());
            compare(differences, unit, "previousRank", p.previousRank(), r.previousRank());
            compare(differences, unit, "score", p.score(), r.score());
            compare(differences, unit, "colour", p.colour(), r.colour());
            compare(differences, unit, "overdueProjects", p.overdueProjects(), r.overdueProjects());
            compare(differences, unit, "indicators", p.indicators(), r.indicators());
        }
        return differences;
    }

    private static void compare(List<Difference> differences, String unit, String field, Object published, Object recomputed) {
        boolean same = published instanceof java.math.BigDecimal a && recomputed instanceof java.math.BigDecimal b
                ? a.compareTo(b) == 0 : Objects.equals(published, recomputed);
        if (!same) {
            differences.add(new Difference(unit, field, String.valueOf(published), String.valueOf(recomputed)));
        }
    }

    public List<BulletinSummary> list() {
        return jdbc.sql("""
                        SELECT bulletin_id, kind, title, peer_group, campaign_id, date_from, date_to, published_at
                        FROM views_bulletin ORDER BY published_at DESC, bulletin_id""")
                .query((rs, n) -> new BulletinSummary(rs.getString(1), BulletinKind.valueOf(rs.getString(2)),
                        rs.getString(3), rs.getString(4), rs.getString(5), rs.getObject(6, LocalDate.class),
                        rs.getObject(7, LocalDate.class), rs.getTimestamp(8).toInstant()))
                .list();
    }

    public Optional<Bulletin> find(String id) {
        return jdbc.sql("""
                        SELECT bulletin_id, kind, title, peer_group, campaign_id, date_from, date_to, published_at, ranking,
                            known_at, rows_recorded, rule
                        FROM views_bulletin WHERE bulletin_id = ?""")
                .param(id)
                .query((rs, n) -> new Bulletin(rs.getString(1), BulletinKind.valueOf(rs.getString(2)),
                        rs.getString(3), rs.getString(4), rs.getString(5), rs.getObject(6, LocalDate.class),
                        rs.getObject(7, LocalDate.class), rs.getTimestamp(8).toInstant(),
                        read(rs.getString(9), RankingService.Ranking.class),
                        rs.getTimestamp(10) == null ? null : rs.getTimestamp(10).toInstant(), rs.getBoolean(11),
                        rs.getString(12) == null ? null : read(rs.getString(12), BulletinRankingRule.class)))
                .optional();
    }

    private <T> T read(String text, Class<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("a stored bulletin cannot be read", e);
        }
    }
}
