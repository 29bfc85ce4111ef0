package com.zhaoshang.ledger.query.security;

import com.zhaoshang.ledger.api.value.Actor;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * The query side's part of the denial log, table {@code security_denial} (query Flyway V70, the same table as the
 * command side's): refused reads are written by the security chain; inspectors read every side's denials here.
 */
@Component
public class QueryDenialLog {

    /** One refused attempt. */
    public record Denial(long id, Instant deniedAt, String userId, String role, String unitId, String method,
                         String path, int status, String reason) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    public QueryDenialLog(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public void record(Actor actor, HttpServletRequest request, int status, String reason) {
        jdbc.sql("""
                        INSERT INTO security_denial (denied_at, user_id, role, unit_id, method, path, status, reason)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(Timestamp.from(clock.instant()),
                        actor == null ? null : actor.userId(),
                        actor == null ? null : actor.role().name(),
                        actor == null ? null : actor.unitId().value(),
                        truncate(request.getMethod(), 16), truncate(request.getRequestURI(), 2048), status,
                        truncate(reason, 1000))
                .update();
    }

    /** Newest first, optionally within [from, to) and of one user. */
    public List<Denial> find(Instant from, Instant to, String userId, int page, int size) {
        return jdbc.sql("""
                        SELECT id, denied_at, user_id, role, unit_id, method, path, status, reason
                        FROM security_denial
                        WHERE (CAST(? AS TIMESTAMPTZ) IS NULL OR denied_at >= ?)
                          AND (CAST(? AS TIMESTAMPTZ) IS NULL OR denied_at < ?)
                          AND (CAST(? AS VARCHAR) IS NULL OR user_id = ?)
                        ORDER BY id DESC
                        LIMIT ? OFFSET ?""")
                .params(timestamp(from), timestamp(from), timestamp(to), timestamp(to), userId, userId, size,
                        (long) page * size)
                .query((rs, n) -> new Denial(rs.getLong("id"), rs.getTimestamp("denied_at").toInstant(),
                        rs.getString("user_id"), rs.getString("role"), rs.getString("unit_id"), rs.getString("method"),
                        rs.getString("path"), rs.getInt("status"), rs.getString("reason")))
                .list();
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static String truncate(String value, int max) {
        if (value == null) {
            return "";
        }
        value = value.replace('\u0000', ' ');
        return value.length() <= max ? value : value.substring(0, max);
    }
}
