package com.zhaoshang.ledger.query.unit;

import com.zhaoshang.ledger.api.query.unit.FindUnitQuery;
import com.zhaoshang.ledger.api.query.unit.FindUnitsQuery;
import com.zhaoshang.ledger.api.query.unit.UnitDetails;
import com.zhaoshang.ledger.api.query.unit.UnitList;
import com.zhaoshang.ledger.api.value.UnitId;
import com.zhaoshang.ledger.api.value.UnitKind;
import com.zhaoshang.ledger.query.common.Rows;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Answers the unit queries from {@code unit_view}. */
@Component
public class UnitsQueryHandler {

    private static final String COLUMNS = "u.id, u.name, u.kind, u.parent_id, u.peer_group, u.path, u.depth, u.registered_at";

    static final RowMapper<UnitDetails> UNIT = (rs, n) -> new UnitDetails(
            new UnitId(rs.getString("id")),
            rs.getString("name"),
            Rows.enumValue(rs, "kind", UnitKind.class),
            rs.getString("parent_id") == null ? null : new UnitId(rs.getString("parent_id")),
            rs.getString("peer_group"),
            rs.getString("path"),
            rs.getInt("depth"),
            Rows.instant(rs, "registered_at"));

    private final JdbcClient jdbc;

    public UnitsQueryHandler(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @QueryHandler
    public Optional<UnitDetails> handle(FindUnitQuery query) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM unit_view u WHERE u.id = :id")
                .param("id", query.unitId().value())
                .query(UNIT)
                .optional();
    }

    @QueryHandler
    public UnitList handle(FindUnitsQuery query) {
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        if (query.under() != null) {
            where.add("u.path LIKE (SELECT a.path FROM unit_view a WHERE a.id = :under) || '%'");
            params.put("under", query.under().value());
        }
        if (query.peerGroup() != null) {
            where.add("u.peer_group = :peerGroup");
            params.put("peerGroup", query.peerGroup());
        }
        if (query.kind() != null) {
            where.add("u.kind = :kind");
            params.put("kind", query.kind().name());
        }
        String sql = "SELECT " + COLUMNS + " FROM unit_view u"
                + (where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where))
                + " ORDER BY u.path";
        return new UnitList(jdbc.sql(sql).params(params).query(UNIT).list());
    }
}
