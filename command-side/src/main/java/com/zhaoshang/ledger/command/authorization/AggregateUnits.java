package com.zhaoshang.ledger.command.authorization;

import com.zhaoshang.ledger.api.value.UnitId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * The units an aggregate belongs to, in table {@code aggregate_unit(aggregate_id, unit_id)} (Flyway V70): a project's
 * lead unit, a supervision case's lead and assisting units, a complaint's unit. Kept by {@link AggregateUnitsUpdater}
 * in the transaction of the event that names them, so the table never disagrees with the event store.
 */
@Component
public class AggregateUnits {

    private final JdbcClient jdbc;

    public AggregateUnits(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The units of an aggregate; empty when the aggregate is unknown (the command handler then refuses it). */
    public List<UnitId> unitsOf(String aggregateId) {
        if (aggregateId == null) {
            return List.of();
        }
        return jdbc.sql("SELECT unit_id FROM aggregate_unit WHERE aggregate_id = ? ORDER BY unit_id")
                .param(aggregateId)
                .query((rs, n) -> new UnitId(rs.getString("unit_id")))
                .list();
    }

    void add(String aggregateId, UnitId unit) {
        jdbc.sql("INSERT INTO aggregate_unit (aggregate_id, unit_id) VALUES (?, ?) ON CONFLICT DO NOTHING")
                .params(aggregateId, unit.value())
                .update();
    }
}
