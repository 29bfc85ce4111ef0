package com.zhaoshang.ledger.query.audit.asof;

import com.zhaoshang.ledger.api.query.project.FindProjectQuery;
import com.zhaoshang.ledger.api.query.project.ProjectDetails;
import com.zhaoshang.ledger.query.project.ProjectsProjection;
import com.zhaoshang.ledger.query.project.ProjectsQueryHandler;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A project as the system knew it at a past recording instant (issue 5, item 2): its stored events (read through the
 * storage engine, so upcasters apply) whose recording time is at or before {@code asOf}, folded by the very code that
 * keeps the live view — the {@link ProjectsProjection} bean — and read back by the very code that answers
 * {@code GET /api/projects/{id}} — the {@link ProjectsQueryHandler} bean.
 * <p>
 * How the same SQL fold runs without touching the live tables: inside one transaction that is always rolled back, the
 * three project tables are shadowed by empty temporary tables of the same shape ({@code CREATE TEMP TABLE … (LIKE …)
 * ON COMMIT DROP}; PostgreSQL resolves unqualified names in {@code pg_temp} first, and this transaction also puts
 * {@code pg_temp} explicitly first in its {@code search_path}). The projection writes into them, the query handler
 * reads them (both join the transaction through Spring's transaction-bound connection), and the rollback drops them.
 * The live tables are never read or written by a replay.
 */
@Component
public class ProjectStateReplay {

    /** The tables of the live project view, parents first (the children's LIKE copies carry no foreign keys). */
    static final List<String> PROJECT_TABLES = List.of("project_view", "project_capital_arrival", "project_ceremony");

    private final EventStorageEngine storage;
    private final ProjectsQueryHandler projects;
    private final AnnotationEventHandlerAdapter fold;
    private final JdbcClient jdbc;
    private final TransactionTemplate scratch;

    public ProjectStateReplay(EventStorageEngine storage, ProjectsProjection projection, ProjectsQueryHandler projects,
                              JdbcClient jdbc, PlatformTransactionManager transactionManager) {
        this.storage = storage;
        this.projects = projects;
        this.fold = new AnnotationEventHandlerAdapter(projection);
        this.jdbc = jdbc;
        this.scratch = new TransactionTemplate(transactionManager);
        this.scratch.setPropagationBehavior(TransactionTemplate.PROPAGATION_REQUIRES_NEW);
    }

    /**
     * The project as known at {@code asOf}.
     *
     * @param project        the project as {@code GET /api/projects/{id}} answers it
     * @param asOf           the recording instant asked for
     * @param eventsReplayed how many of the project's stored events were recorded at or before {@code asOf}
     * @param lastSequence   the highest sequence number among them
     */
    public record ProjectState(ProjectDetails project, Instant asOf, int eventsReplayed, long lastSequence) {
    }

    /** Empty when no event of the project had been recorded by {@code asOf} (or no project has that id). */
    public Optional<ProjectState> asOf(String projectId, Instant asOf) {
        List<DomainEventMessage<?>> known = recordedBy(projectId, asOf);
        if (known.isEmpty()) {
            return Optional.empty();
        }
        long lastSequence = known.stream().mapToLong(DomainEventMessage::getSequenceNumber).max().orElseThrow();
        return scratch.execute(status -> {
            status.setRollbackOnly();
            shadowProjectTables();
            for (DomainEventMessage<?> event : known) {
                replay(event);
            }
            return projects.handle(new FindProjectQuery(projectId))
                    .map(project -> new ProjectState(project, asOf, known.size(), lastSequence));
        });
    }

    /** The project's stored events recorded at or before {@code asOf}, in sequence (from the first: no snapshot). */
    List<DomainEventMessage<?>> recordedBy(String projectId, Instant asOf) {
        List<DomainEventMessage<?>> known = new ArrayList<>();
        storage.readEvents(projectId, 0L).asStream()
                .filter(event -> !event.getTimestamp().isAfter(asOf))
                .forEach(known::add);
        return known;
    }

    private void replay(DomainEventMessage<?> event) {
        try {
            fold.handle(event);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("replaying event " + event.getIdentifier() + " of " + event.getAggregateIdentifier()
                    + " failed", e);
        }
    }

    /** Empty temporary copies of the project tables, first in this transaction's search path; dropped at its end. */
    private void shadowProjectTables() {
        List<String> sources = new ArrayList<>();
        for (String table : PROJECT_TABLES) {
            sources.add(jdbc.sql("""
                            SELECT quote_ident(n.nspname) || '.' || quote_ident(c.relname)
                            FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                            WHERE c.oid = to_regclass(:table) AND n.nspname NOT LIKE 'pg_temp%'""")
                    .param("table", table)
                    .query(String.class)
                    .optional()
                    .orElseThrow(() -> new IllegalStateException("no live table " + table + " to shadow")));
        }
        for (int i = 0; i < PROJECT_TABLES.size(); i++) {
            jdbc.sql("CREATE TEMP TABLE " + PROJECT_TABLES.get(i) + " (LIKE " + sources.get(i)
                    + " INCLUDING DEFAULTS INCLUDING CONSTRAINTS INCLUDING INDEXES) ON COMMIT DROP").update();
        }
        jdbc.sql("SELECT set_config('search_path', 'pg_temp, ' || current_setting('search_path'), true)")
                .query(String.class).single();
    }
}
