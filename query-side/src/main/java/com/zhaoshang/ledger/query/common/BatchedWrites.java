package com.zhaoshang.ledger.query.common;

import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntConsumer;

/**
 * A projection's statements of one processor batch, written together at the batch's prepare-commit (in its
 * transaction, before the token is committed with it) as JDBC batches — one round trip per kind of statement instead
 * of one per event.
 * <p>
 * Each statement names a key (a project, an activity): the statements of one key run in the order they were added,
 * those of different keys in any order, so a projection must give statements that depend on each other the same key
 * (and must not read, while handling an event, what a pending statement writes). The statements are written in
 * rounds: round n holds each key's n-th statement, grouped by SQL text into one JDBC batch per text.
 * <p>
 * Outside a processor's batch (a handler called directly, see {@link #inProcessorBatch()}) a statement is written at
 * once. A failing statement fails the
 * batch's commit, so the processor rolls the whole batch back and handles it again, as it would a failing handler.
 */
public final class BatchedWrites {

    private final NamedParameterJdbcTemplate jdbc;
    private final String resourceName;

    /** @param name distinguishes this projection's pending statements from another's in the same unit of work */
    public BatchedWrites(NamedParameterJdbcTemplate jdbc, String name) {
        this.jdbc = jdbc;
        this.resourceName = BatchedWrites.class.getName() + "." + name;
    }

    /**
     * @param existingKeys null for a statement always written; for a statement that only changes rows already there,
     *                     the query naming which of the keys it is given ({@code ?}, a text array) have such rows
     */
    private record Statement(String sql, Map<String, ?> params, IntConsumer updated, String existingKeys) {
    }

    /** The statements of one unit of work, per key in order of addition. */
    static final class Pending {
        private final Map<String, List<Statement>> byKey = new LinkedHashMap<>();
        private int size;

        void add(String key, Statement statement) {
            byKey.computeIfAbsent(key, k -> new ArrayList<>(2)).add(statement);
            size++;
        }
    }

    /** Adds a statement of {@code key}. */
    public void add(String key, String sql, Map<String, ?> params) {
        add(key, sql, params, null);
    }

    /**
     * Adds a statement of {@code key}; {@code updated}, when given, is told the number of rows the statement changed
     * once it was written (it may throw, which fails the batch).
     */
    public void add(String key, String sql, Map<String, ?> params, IntConsumer updated) {
        add(key, new Statement(sql, params, updated, null));
    }

    /**
     * Adds a statement of {@code key} that can only change rows already there (an update of a key's open rows, say),
     * for a key that mostly has none: in a processor batch it is written only if {@code existingKeys} — a query given
     * the batch's keys as one text array parameter ({@code = ANY(?)}) that returns those with rows — names the key, or
     * an earlier statement of the batch for that key (which may have written such a row) was added with
     * {@link #add}. One query per batch instead of one statement per event; what it skips would have changed nothing.
     * Only for tables no other processor or segment writes for the same key.
     */
    public void addIfRowsExist(String key, String sql, Map<String, ?> params, String existingKeys) {
        add(key, new Statement(sql, params, null, existingKeys));
    }

    private void add(String key, Statement statement) {
        String sql = statement.sql();
        Map<String, ?> params = statement.params();
        IntConsumer updated = statement.updated();
        if (!inProcessorBatch()) {
            int count = jdbc.update(sql, new MapSqlParameterSource(params));
            if (updated != null) {
                updated.accept(count);
            }
            return;
        }
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get().root();
        Pending pending = unitOfWork.getOrComputeResource(resourceName, name -> {
            Pending statements = new Pending();
            unitOfWork.onPrepareCommit(u -> write(statements));
            return statements;
        });
        pending.add(key, statement);
    }

    /**
     * Whether the current thread handles a batch of an event processor (a {@link BatchingUnitOfWork}, with its
     * transaction): only then are statements deferred to its commit. A handler called directly, or from a query's unit
     * of work (which reads what it wrote, before any commit), writes at once.
     */
    public static boolean inProcessorBatch() {
        return CurrentUnitOfWork.isStarted() && CurrentUnitOfWork.get().root() instanceof BatchingUnitOfWork<?>;
    }

    private void write(Pending pending) {
        if (pending.size == 0) {
            return;
        }
        skipWhereNoRowsExist(pending);
        List<List<Statement>> perKey = new ArrayList<>();
        pending.byKey.values().stream().filter(statements -> !statements.isEmpty()).forEach(perKey::add);
        for (int round = 0; !perKey.isEmpty(); round++) {
            Map<String, List<Statement>> bySql = new LinkedHashMap<>();
            List<List<Statement>> next = new ArrayList<>();
            for (List<Statement> statements : perKey) {
                Statement statement = statements.get(round);
                bySql.computeIfAbsent(statement.sql(), sql -> new ArrayList<>()).add(statement);
                if (statements.size() > round + 1) {
                    next.add(statements);
                }
            }
            bySql.forEach(this::execute);
            perKey = next;
        }
        pending.byKey.clear();
        pending.size = 0;
    }

    /**
     * Removes the statements added by {@link #addIfRowsExist} whose key has no rows (per their query, one per distinct
     * query) and no earlier statement added by {@link #add} in this batch.
     */
    private void skipWhereNoRowsExist(Pending pending) {
        Map<String, Set<String>> keysPerQuery = new LinkedHashMap<>();
        pending.byKey.forEach((key, statements) -> {
            boolean written = false;
            for (Statement statement : statements) {
                if (statement.existingKeys() == null) {
                    written = true;
                } else if (!written) {
                    keysPerQuery.computeIfAbsent(statement.existingKeys(), q -> new HashSet<>()).add(key);
                }
            }
        });
        if (keysPerQuery.isEmpty()) {
            return;
        }
        Map<String, Set<String>> existing = new HashMap<>();
        keysPerQuery.forEach((query, keys) -> {
            Set<String> found = new HashSet<>();
            KeyLookup.query(jdbc.getJdbcTemplate(), query, keys, rs -> {
                found.add(rs.getString(1));
            });
            existing.put(query, found);
        });
        pending.byKey.forEach((key, statements) -> {
            boolean written = false;
            for (Iterator<Statement> each = statements.iterator(); each.hasNext(); ) {
                Statement statement = each.next();
                if (statement.existingKeys() == null) {
                    written = true;
                } else if (!written && !existing.get(statement.existingKeys()).contains(key)) {
                    each.remove();
                    pending.size--;
                }
            }
        });
    }

    private void execute(String sql, List<Statement> statements) {
        int[] counts;
        if (statements.size() == 1) {
            counts = new int[] {jdbc.update(sql, new MapSqlParameterSource(statements.get(0).params()))};
        } else {
            SqlParameterSource[] batch = new SqlParameterSource[statements.size()];
            for (int i = 0; i < batch.length; i++) {
                batch[i] = new MapSqlParameterSource(new HashMap<>(statements.get(i).params()));
            }
            counts = jdbc.batchUpdate(sql, batch);
        }
        for (int i = 0; i < statements.size(); i++) {
            IntConsumer updated = statements.get(i).updated();
            if (updated != null) {
                updated.accept(counts[i]);
            }
        }
    }
}
