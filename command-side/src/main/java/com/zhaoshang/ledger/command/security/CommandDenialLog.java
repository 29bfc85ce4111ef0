package com.zhaoshang.ledger.command.security;

import com.zhaoshang.ledger.api.value.Actor;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Clock;

/**
 * Records refused attempts in {@code security_denial} (Flyway V70) for inspectors: who (user, role, unit — null when
 * unauthenticated), what (method, path), the status and why, at the server clock's time. Written outside any command
 * transaction, so the refusal's rollback keeps it. Read by {@code GET /api/audit/denials}.
 */
@Component
public class CommandDenialLog {

    private static final int MAX_PATH = 2048;
    private static final int MAX_REASON = 1000;

    private final JdbcClient jdbc;
    private final Clock clock;

    public CommandDenialLog(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public void record(Actor actor, HttpServletRequest request, int status, String reason) {
        record(actor, request.getMethod(), request.getRequestURI(), status, reason);
    }

    public void record(Actor actor, String method, String path, int status, String reason) {
        jdbc.sql("""
                        INSERT INTO security_denial (denied_at, user_id, role, unit_id, method, path, status, reason)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(Timestamp.from(clock.instant()),
                        actor == null ? null : actor.userId(),
                        actor == null ? null : actor.role().name(),
                        actor == null ? null : actor.unitId().value(),
                        truncate(method, 16), truncate(path, MAX_PATH), status, truncate(reason, MAX_REASON))
                .update();
    }

    private static String truncate(String value, int max) {
        if (value == null) {
            return "";
        }
        value = value.replace('\u0000', ' ');
        return value.length() <= max ? value : value.substring(0, max);
    }
}
