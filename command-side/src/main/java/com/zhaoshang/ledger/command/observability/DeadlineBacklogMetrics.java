package com.zhaoshang.ledger.command.observability;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The deadline backlog: {@code ledger.deadlines.backlog} counts the deadlines (db-scheduler's {@code scheduled_tasks})
 * that are due but not yet picked up — it should stay near zero; {@code ledger.deadlines.scheduled} counts all
 * scheduled ones. Read from the table at each scrape (NaN while the database cannot answer).
 */
@Component
public class DeadlineBacklogMetrics implements MeterBinder {

    private final JdbcTemplate jdbc;

    public DeadlineBacklogMetrics(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("ledger.deadlines.backlog", this,
                        m -> m.count("SELECT count(*) FROM scheduled_tasks WHERE NOT picked AND execution_time <= now()"))
                .description("Deadlines due but not yet executed")
                .register(registry);
        Gauge.builder("ledger.deadlines.scheduled", this, m -> m.count("SELECT count(*) FROM scheduled_tasks"))
                .description("Deadlines scheduled (due or not)")
                .register(registry);
    }

    private double count(String sql) {
        try {
            Long count = jdbc.queryForObject(sql, Long.class);
            return count == null ? Double.NaN : count;
        } catch (DataAccessException e) {
            return Double.NaN;
        }
    }
}
