package com.zhaoshang.ledger.query.activity;

import com.zhaoshang.ledger.api.query.activity.ActivityDetails;
import com.zhaoshang.ledger.api.query.activity.ActivityPage;
import com.zhaoshang.ledger.api.query.activity.FindActivitiesQuery;
import com.zhaoshang.ledger.api.value.ActivityKind;
import com.zhaoshang.ledger.api.value.UnitId;
import com.zhaoshang.ledger.query.common.Rows;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Answers the activity queries from {@code activity_view}; the count and the page read one snapshot. */
@Component
public class ActivitiesQueryHandler {

    private static final RowMapper<ActivityDetails> ACTIVITY = (rs, n) -> new ActivityDetails(
            rs.getString("id"),
            new UnitId(rs.getString("unit_id")),
            Rows.enumValue(rs, "kind", ActivityKind.class),
            rs.getString("subject"),
            Rows.date(rs, "occurred_on"),
            Rows.instant(rs, "recorded_at"),
            rs.getString("recorded_by"));

    private final JdbcClient jdbc;
    private final TransactionTemplate snapshot;

    public ActivitiesQueryHandler(JdbcClient jdbc, PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.snapshot = new TransactionTemplate(transactionManager);
        this.snapshot.setReadOnly(true);
        this.snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
    }

    @QueryHandler
    public ActivityPage handle(FindActivitiesQuery query) {
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        if (query.unitId() != null) {
            params.put("unitId", query.unitId().value());
            where.add(query.includeSubunits()
                    ? "(a.unit_id = :unitId OR a.unit_id IN (SELECT d.id FROM unit_view d JOIN unit_view r"
                    + " ON r.id = :unitId AND d.path LIKE r.path || '%'))"
                    : "a.unit_id = :unitId");
        }
        if (query.kind() != null) {
            where.add("a.kind = :kind");
            params.put("kind", query.kind().name());
        }
        if (query.from() != null) {
            where.add("a.occurred_on >= :from");
            params.put("from", query.from());
        }
        if (query.to() != null) {
            where.add("a.occurred_on <= :to");
            params.put("to", query.to());
        }
        String filter = where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where);
        return snapshot.execute(status -> {
            long total = jdbc.sql("SELECT count(*) FROM activity_view a" + filter).params(params)
                    .query(Long.class).single();
            List<ActivityDetails> items = jdbc.sql("SELECT a.* FROM activity_view a" + filter
                            + " ORDER BY a.occurred_on DESC, a.recorded_at DESC, a.id LIMIT :limit OFFSET :offset")
                    .params(params)
                    .param("limit", query.page().size())
                    .param("offset", query.page().offset())
                    .query(ACTIVITY)
                    .list();
            return new ActivityPage(items, query.page().page(), query.page().size(), total,
                    query.page().totalPages(total));
        });
    }
}
