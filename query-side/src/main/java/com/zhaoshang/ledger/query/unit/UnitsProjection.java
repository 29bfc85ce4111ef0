package com.zhaoshang.ledger.query.unit;

import com.zhaoshang.ledger.api.unit.UnitRegisteredEvent;
import com.zhaoshang.ledger.query.common.Rows;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Instant;

/**
 * Keeps table {@code unit_view}: the unit tree with each unit's materialised path ({@code /360800/360802/}) and depth.
 * A child's path is its parent's path plus its id, so the group handles events in global order (one segment,
 * sequential policy; see the defaults properties): a parent is always registered before its children.
 */
@Component
@ProcessingGroup(UnitsProjection.GROUP)
public class UnitsProjection {

    public static final String GROUP = "units";

    private final JdbcClient jdbc;

    public UnitsProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    public void on(UnitRegisteredEvent event, @Timestamp Instant recordedAt) {
        String id = event.unitId().value();
        String path = "/" + id + "/";
        int depth = 0;
        if (event.parentId() != null) {
            ParentPlace parent = jdbc.sql("SELECT path, depth FROM unit_view WHERE id = :id")
                    .param("id", event.parentId().value())
                    .query((rs, n) -> new ParentPlace(rs.getString("path"), rs.getInt("depth")))
                    .optional()
                    .orElseThrow(() -> new IllegalStateException("unit " + id + " names parent " + event.parentId()
                            + ", which the units projection has not seen: events are out of order"));
            path = parent.path() + id + "/";
            depth = parent.depth() + 1;
        }
        jdbc.sql("""
                        INSERT INTO unit_view (id, name, kind, parent_id, peer_group, path, depth, registered_at)
                        VALUES (:id, :name, :kind, :parentId, :peerGroup, :path, :depth, :registeredAt)
                        ON CONFLICT (id) DO NOTHING""")
                .param("id", id)
                .param("name", event.name())
                .param("kind", Rows.name(event.kind()))
                .param("parentId", event.parentId() == null ? null : event.parentId().value())
                .param("peerGroup", event.peerGroup())
                .param("path", path)
                .param("depth", depth)
                .param("registeredAt", Rows.timestamp(recordedAt))
                .update();
    }

    @ResetHandler
    public void onReset() {
        jdbc.sql("DELETE FROM unit_view").update();
    }

    private record ParentPlace(String path, int depth) {
    }
}
