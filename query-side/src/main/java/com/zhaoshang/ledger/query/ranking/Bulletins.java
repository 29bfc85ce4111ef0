package com.zhaoshang.ledger.query.ranking;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.zhaoshang.ledger.api.campaign.BulletinKind;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** Published bulletins as they were frozen. */
@Service
public class Bulletins {

    public record BulletinSummary(String id, BulletinKind kind, String title, String peerGroup, String campaignId,
                                  LocalDate from, LocalDate to, Instant publishedAt) {
    }

    public record Bulletin(String id, BulletinKind kind, String title, String peerGroup, String campaignId,
                           LocalDate from, LocalDate to, Instant publishedAt, RankingService.Ranking ranking) {
    }

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    public Bulletins(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
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
                        SELECT bulletin_id, kind, title, peer_group, campaign_id, date_from, date_to, published_at, ranking
                        FROM views_bulletin WHERE bulletin_id = ?""")
                .param(id)
                .query((rs, n) -> new Bulletin(rs.getString(1), BulletinKind.valueOf(rs.getString(2)),
                        rs.getString(3), rs.getString(4), rs.getString(5), rs.getObject(6, LocalDate.class),
                        rs.getObject(7, LocalDate.class), rs.getTimestamp(8).toInstant(), ranking(rs.getString(9))))
                .optional();
    }

    private RankingService.Ranking ranking(String text) {
        try {
            return json.readValue(text, RankingService.Ranking.class);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("a stored bulletin cannot be read", e);
        }
    }
}
