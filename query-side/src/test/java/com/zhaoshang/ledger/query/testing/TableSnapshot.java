package com.zhaoshang.ledger.query.testing;

import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The full content of projection tables, every row in primary-key order, for before/after comparisons. */
public final class TableSnapshot {

    /** Each projection table with the columns that order its rows completely. */
    public static final Map<String, String> PROJECTION_TABLES = Map.of(
            "unit_view", "id",
            "project_view", "id",
            "project_capital_arrival", "project_id, arrival_id",
            "project_ceremony", "project_id, ceremony",
            "activity_view", "id");

    private TableSnapshot() {
    }

    public static Map<String, List<Map<String, Object>>> of(JdbcClient jdbc) {
        Map<String, List<Map<String, Object>>> tables = new LinkedHashMap<>();
        PROJECTION_TABLES.keySet().stream().sorted().forEach(table -> tables.put(table,
                jdbc.sql("SELECT * FROM " + table + " ORDER BY " + PROJECTION_TABLES.get(table)).query().listOfRows()));
        return tables;
    }
}
