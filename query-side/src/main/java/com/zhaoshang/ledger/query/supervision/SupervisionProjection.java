package com.zhaoshang.ledger.query.supervision;

import com.zhaoshang.ledger.api.project.CapitalArrivedEvent;
import com.zhaoshang.ledger.api.project.ConstructionStartedEvent;
import com.zhaoshang.ledger.api.project.ContractTerminatedEvent;
import com.zhaoshang.ledger.api.project.LandAssignedEvent;
import com.zhaoshang.ledger.api.project.ProjectRegisteredEvent;
import com.zhaoshang.ledger.api.supervision.ConstructionDeadlineWarningIssuedEvent;
import com.zhaoshang.ledger.api.supervision.ConstructionOverdueEvent;
import com.zhaoshang.ledger.api.supervision.FindingKind;
import com.zhaoshang.ledger.api.supervision.IdleLandFoundEvent;
import com.zhaoshang.ledger.api.supervision.LandReclaimProposedEvent;
import com.zhaoshang.ledger.api.supervision.LandReclaimedEvent;
import com.zhaoshang.ledger.api.supervision.ProjectStalledAfterSigningEvent;
import com.zhaoshang.ledger.api.supervision.ReportedVerifiedGapFlaggedEvent;
import com.zhaoshang.ledger.api.supervision.SupervisionRule;
import com.zhaoshang.ledger.api.value.ResponsibleLeader;
import com.zhaoshang.ledger.api.value.UnitId;
import com.zhaoshang.ledger.query.common.BatchedWrites;
import com.zhaoshang.ledger.query.common.Rows;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Keeps table {@code supervision_finding}: one row per project and {@link FindingKind}, inserted when a rule fires
 * and closed ({@code open = false}, {@code resolved_on}) by the fact that resolves it — construction start or
 * termination close every finding; registration, land assignment and capital arrival close the stall warning; an
 * inspector's reclamation closes the idle-land findings. Idempotent: inserts do nothing on conflict, closing only
 * touches open rows; events of one project arrive in order. A reported-vs-verified gap (rule 8) stays open: no
 * later fact undoes it.
 * <p>
 * The statements of a processor batch are written together at its commit, in order per project
 * ({@link BatchedWrites}).
 */
@Component
@ProcessingGroup(SupervisionProjection.GROUP)
public class SupervisionProjection {

    public static final String GROUP = "supervision";
    /** What construction start or termination resolves: every finding but a reported-vs-verified gap (a fact). */
    private static final Set<FindingKind> ALL = EnumSet.complementOf(EnumSet.of(FindingKind.REPORTED_VERIFIED_GAP));
    private static final Set<FindingKind> STALL = EnumSet.of(FindingKind.STALLED_AFTER_SIGNING);
    private static final Set<FindingKind> IDLE_LAND = EnumSet.of(FindingKind.IDLE_LAND, FindingKind.LAND_RECLAIM_PROPOSED);

    /** Which of the given projects have an open finding (see {@link #close}). */
    private static final String WITH_OPEN_FINDINGS =
            "SELECT DISTINCT project_id FROM supervision_finding WHERE project_id = ANY(?) AND open";

    private final JdbcClient jdbc;
    private final BatchedWrites writes;

    public SupervisionProjection(JdbcClient jdbc, NamedParameterJdbcTemplate namedJdbc) {
        this.jdbc = jdbc;
        this.writes = new BatchedWrites(namedJdbc, GROUP + ".findings");
    }

    @EventHandler
    public void on(ConstructionDeadlineWarningIssuedEvent event, @Timestamp Instant recordedAt) {
        open(new Row(event.projectId(), FindingKind.CONSTRUCTION_WARNING, event.rule(), event.unitId(),
                event.signedOn(), event.occurredOn(), event.deadlineOn(), event.constructionDeadlineDays(),
                event.detectedOn(), leader(event.responsibleLeader()), null, null), recordedAt);
    }

    @EventHandler
    public void on(ConstructionOverdueEvent event, @Timestamp Instant recordedAt) {
        open(new Row(event.projectId(), FindingKind.CONSTRUCTION_OVERDUE, event.rule(), event.unitId(),
                event.signedOn(), event.occurredOn(), event.deadlineOn(), event.constructionDeadlineDays(),
                event.detectedOn(), leader(event.responsibleLeader()), null, null), recordedAt);
    }

    @EventHandler
    public void on(ProjectStalledAfterSigningEvent event, @Timestamp Instant recordedAt) {
        open(new Row(event.projectId(), FindingKind.STALLED_AFTER_SIGNING, event.rule(), event.unitId(),
                event.signedOn(), event.occurredOn(), null, event.stalledAfterSigningDays(), event.detectedOn(),
                leader(event.responsibleLeader()), null, null), recordedAt);
    }

    @EventHandler
    public void on(IdleLandFoundEvent event, @Timestamp Instant recordedAt) {
        open(new Row(event.projectId(), FindingKind.IDLE_LAND, event.rule(), event.unitId(), event.landAssignedOn(),
                event.occurredOn(), null, event.idleLandFindingDays(), event.detectedOn(), null, event.parcelId(),
                event.areaMu()), recordedAt);
    }

    @EventHandler
    public void on(LandReclaimProposedEvent event, @Timestamp Instant recordedAt) {
        open(new Row(event.projectId(), FindingKind.LAND_RECLAIM_PROPOSED, event.rule(), event.unitId(),
                event.landAssignedOn(), event.occurredOn(), null, event.idleLandReclaimDays(), event.detectedOn(), null,
                event.parcelId(), event.areaMu()), recordedAt);
    }

    /**
     * 防止水份: the project's first flagged gap is an open finding (since/due/detected: the verification date;
     * ruleDays: the threshold in percent); every gap is listed by {@code /api/supervision/verification-gaps}.
     */
    @EventHandler
    public void on(ReportedVerifiedGapFlaggedEvent event, @Timestamp Instant recordedAt) {
        open(new Row(event.projectId(), FindingKind.REPORTED_VERIFIED_GAP, event.rule(), event.unitId(),
                event.occurredOn(), event.occurredOn(), null,
                event.thresholdRatio().movePointRight(2).intValue(), event.occurredOn(), null, null, null), recordedAt);
    }

    @EventHandler
    public void on(LandReclaimedEvent event) {
        close(event.projectId(), IDLE_LAND, event.occurredOn());
    }

    @EventHandler
    public void on(ConstructionStartedEvent event) {
        close(event.projectId(), ALL, event.occurredOn());
    }

    @EventHandler
    public void on(ContractTerminatedEvent event) {
        close(event.projectId(), ALL, event.occurredOn());
    }

    @EventHandler
    public void on(ProjectRegisteredEvent event) {
        close(event.projectId(), STALL, event.occurredOn());
    }

    @EventHandler
    public void on(LandAssignedEvent event) {
        close(event.projectId(), STALL, event.occurredOn());
    }

    @EventHandler
    public void on(CapitalArrivedEvent event) {
        close(event.projectId(), STALL, event.occurredOn());
    }

    @ResetHandler
    public void onReset() {
        jdbc.sql("DELETE FROM supervision_finding").update();
    }

    private record Row(String projectId, FindingKind kind, SupervisionRule rule, UnitId unitId, LocalDate sinceOn,
                       LocalDate dueOn, LocalDate deadlineOn, int ruleDays, LocalDate detectedOn, String leaderName,
                       String parcelId, BigDecimal areaMu) {
    }

    private void open(Row row, Instant recordedAt) {
        Map<String, Object> values = new HashMap<>();
        values.put("projectId", row.projectId());
        values.put("kind", row.kind().name());
        values.put("rule", row.rule().name());
        values.put("unitId", row.unitId().value());
        values.put("sinceOn", row.sinceOn());
        values.put("dueOn", row.dueOn());
        values.put("deadlineOn", row.deadlineOn());
        values.put("ruleDays", row.ruleDays());
        values.put("detectedOn", row.detectedOn());
        values.put("leaderName", row.leaderName());
        values.put("parcelId", row.parcelId());
        values.put("areaMu", row.areaMu());
        values.put("recordedAt", Rows.timestamp(recordedAt));
        writes.add(row.projectId(), """
                INSERT INTO supervision_finding (project_id, kind, rule, unit_id, since_on, due_on, deadline_on,
                    rule_days, detected_on, leader_name, parcel_id, area_mu, open, recorded_at)
                VALUES (:projectId, :kind, :rule, :unitId, :sinceOn, :dueOn, :deadlineOn, :ruleDays, :detectedOn,
                    :leaderName, :parcelId, :areaMu, TRUE, :recordedAt)
                ON CONFLICT (project_id, kind) DO NOTHING""", values);
    }

    /**
     * Closes the project's open findings of {@code kinds} (one statement text per set, so they batch together). Most
     * projects have no open finding when a capital arrival or a stage fact comes: in a processor batch the statement
     * is written only for the projects that have one (one query per batch, see {@link BatchedWrites#addIfRowsExist}).
     * Only this projection writes the table, and a project's events are handled by one segment.
     */
    private void close(String projectId, Set<FindingKind> kinds, LocalDate resolvedOn) {
        Map<String, Object> values = new HashMap<>();
        values.put("projectId", projectId);
        values.put("resolvedOn", resolvedOn);
        writes.addIfRowsExist(projectId, """
                UPDATE supervision_finding SET open = FALSE, resolved_on = :resolvedOn
                WHERE project_id = :projectId AND open AND kind IN (""" + kinds.stream().map(k -> "'" + k.name() + "'")
                .sorted().collect(Collectors.joining(", ")) + ")", values, WITH_OPEN_FINDINGS);
    }

    private static String leader(ResponsibleLeader leader) {
        return leader == null ? null : leader.name();
    }
}
