package com.zhaoshang.ledger.query.audit;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Who looked at what in the audit routes, and when (table {@code audit_access_log}). */
@Component
public class AuditAccessLog {

    /** GRANTED: the query was answered (or attempted); DENIED: the caller's role may not read the audit log. */
    public enum Outcome { GRANTED, DENIED }

    public record Access(long id, String accessedAt, String userId, String unitId, String roles, String method,
                         String route, String parameters, String outcome) {
    }

    public record AccessPage(int page, int size, boolean hasMore, List<Access> accesses) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    public AuditAccessLog(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public void record(String userId, String unitId, String roles, String method, String route, String parameters,
                       Outcome outcome) {
        jdbc.sql("""
                INSERT INTO audit_access_log (accessed_at, user_id, unit_id, roles, method, route, parameters, outcome)
                VALUES (:at, :user, :unit, :roles, :method, :route, :parameters, :outcome)""")
                .param("at", Timestamp.from(clock.instant()))
                .param("user", userId)
                .param("unit", unitId)
                .param("roles", roles)
                .param("method", method)
                .param("route", route)
                .param("parameters", parameters)
                .param("outcome", outcome.name())
                .update();
    }

    /** The newest first, optionally of one user and within [from, to). */
    public AccessPage list(String userId, Instant from, Instant to, int page, int size) {
        StringBuilder sql = new StringBuilder("""
                SELECT id, accessed_at, user_id, unit_id, roles, method, route, parameters, outcome
                FROM audit_access_log WHERE TRUE""");
        if (userId != null) {
            sql.append(" AND user_id = :user");
        }
        if (from != null) {
            sql.append(" AND accessed_at >= :from");
        }
        if (to != null) {
            sql.append(" AND accessed_at < :to");
        }
        sql.append(" ORDER BY id DESC LIMIT :limit OFFSET :offset");
        JdbcClient.StatementSpec statement = jdbc.sql(sql.toString())
                .param("limit", size + 1)
                .param("offset", (long) page * size);
        if (userId != null) {
            statement = statement.param("user", userId);
        }
        if (from != null) {
            statement = statement.param("from", Timestamp.from(from));
        }
        if (to != null) {
            statement = statement.param("to", Timestamp.from(to));
        }
        List<Access> found = new ArrayList<>(statement.query((rs, row) -> new Access(rs.getLong(1),
                rs.getTimestamp(2).toInstant().toString(), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9))).list());
        boolean hasMore = found.size() > size;
        return new AccessPage(page, size, hasMore, hasMore ? found.subList(0, size) : found);
    }
}
