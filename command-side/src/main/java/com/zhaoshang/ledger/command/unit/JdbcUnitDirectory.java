package com.zhaoshang.ledger.command.unit;

import com.zhaoshang.ledger.api.value.UnitId;
import com.zhaoshang.ledger.api.value.UnitKind;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * The unit directory in table {@code unit_directory(unit_id, parent_id, kind, peer_group, path)}; {@code path} is the
 * materialised chain of ids from the root, e.g. {@code /360800/360802/}. Unit ids contain only digits, lower-case
 * letters and hyphens, so they are safe inside a path pattern.
 */
@Component
public class JdbcUnitDirectory implements UnitDirectory {

    private final JdbcClient jdbc;

    public JdbcUnitDirectory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean exists(UnitId unit) {
        return jdbc.sql("SELECT count(*) FROM unit_directory WHERE unit_id = ?")
                .param(unit.value())
                .query(Long.class)
                .single() > 0;
    }

    @Override
    public boolean isWithinSubtree(UnitId unit, UnitId ancestor) {
        return jdbc.sql("SELECT count(*) FROM unit_directory WHERE unit_id = ? AND path LIKE ?")
                .params(unit.value(), "%/" + ancestor.value() + "/%")
                .query(Long.class)
                .single() > 0;
    }

    @Override
    public Optional<UnitId> parentOf(UnitId unit) {
        return jdbc.sql("SELECT parent_id FROM unit_directory WHERE unit_id = ? AND parent_id IS NOT NULL")
                .param(unit.value())
                .query((rs, n) -> new UnitId(rs.getString("parent_id")))
                .optional();
    }

    /** Adds a unit below its parent (already in the directory), or as a root; a unit already present is kept. */
    void add(UnitId unit, UnitId parent, UnitKind kind, String peerGroup) {
        String path;
        if (parent == null) {
            path = "/" + unit.value() + "/";
        } else {
            path = jdbc.sql("SELECT path FROM unit_directory WHERE unit_id = ?")
                    .param(parent.value())
                    .query(String.class)
                    .optional()
                    .orElseThrow(() -> new IllegalStateException("parent unit " + parent + " of " + unit
                            + " is not in the unit directory"))
                    + unit.value() + "/";
        }
        jdbc.sql("""
                        INSERT INTO unit_directory (unit_id, parent_id, kind, peer_group, path)
                        VALUES (?, ?, ?, ?, ?)
                        ON CONFLICT (unit_id) DO NOTHING""")
                .params(unit.value(), parent == null ? null : parent.value(), kind.name(), peerGroup, path)
                .update();
    }
}
