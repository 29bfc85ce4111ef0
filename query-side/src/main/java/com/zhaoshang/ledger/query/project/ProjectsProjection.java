package com.zhaoshang.ledger.query.project;

import com.zhaoshang.ledger.api.project.CapitalArrivedEvent;
import com.zhaoshang.ledger.api.project.CapitalVerifiedEvent;
import com.zhaoshang.ledger.api.project.ConstructionCompletedEvent;
import com.zhaoshang.ledger.api.project.ConstructionStartedEvent;
import com.zhaoshang.ledger.api.project.ContractTerminatedEvent;
import com.zhaoshang.ledger.api.project.IntentAgreementSignedEvent;
import com.zhaoshang.ledger.api.project.LandAssignedEvent;
import com.zhaoshang.ledger.api.project.LeadRegisteredEvent;
import com.zhaoshang.ledger.api.project.NegotiationStartedEvent;
import com.zhaoshang.ledger.api.project.ProductionStartedEvent;
import com.zhaoshang.ledger.api.project.ProjectAbandonedEvent;
import com.zhaoshang.ledger.api.project.ProjectPresentedAtCeremonyEvent;
import com.zhaoshang.ledger.api.project.ProjectRegisteredEvent;
import com.zhaoshang.ledger.api.project.ProjectSignedEvent;
import com.zhaoshang.ledger.api.project.ResponsibleLeaderAssignedEvent;
import com.zhaoshang.ledger.api.supervision.ConstructionDeadlineWarningIssuedEvent;
import com.zhaoshang.ledger.api.supervision.ConstructionOverdueEvent;
import com.zhaoshang.ledger.api.supervision.IdleLandFoundEvent;
import com.zhaoshang.ledger.api.supervision.LateEntryFlaggedEvent;
import com.zhaoshang.ledger.api.supervision.ReportedVerifiedGapFlaggedEvent;
import com.zhaoshang.ledger.api.supervision.LandReclaimProposedEvent;
import com.zhaoshang.ledger.api.supervision.LandReclaimedEvent;
import com.zhaoshang.ledger.api.supervision.ProjectStalledAfterSigningEvent;
import com.zhaoshang.ledger.api.value.ProjectStage;
import com.zhaoshang.ledger.api.value.ResponsibleLeader;
import com.zhaoshang.ledger.query.common.BatchedWrites;
import com.zhaoshang.ledger.query.common.Rows;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Keeps table {@code project_view} (one row per project) with its child tables {@code project_capital_arrival} and
 * {@code project_ceremony}.
 * <p>
 * Idempotent: the row stores in {@code version} the aggregate sequence number of the last event applied; every
 * later event updates the row only {@code WHERE version < sequence}, and touches a child table only while the row holds
 * that event last ({@code version = sequence}: the update took effect, or a redelivery writes the same child row
 * again, which changes nothing), so a re-delivered event changes nothing. The lead inserts with {@code ON CONFLICT DO NOTHING}.
 * Events of one project arrive in order (the processor's sequencing policy is per aggregate).
 * <p>
 * The statements of a processor batch are written together at its commit, in order per project
 * ({@link BatchedWrites}).
 */
@Component
@ProcessingGroup(ProjectsProjection.GROUP)
public class ProjectsProjection {

    public static final String GROUP = "projects";

    /** The condition of a child row's statement: the project's row holds this event ({@code :sequence}) last. */
    private static final String APPLIED_CONDITION =
            " EXISTS (SELECT 1 FROM project_view WHERE id = :projectId AND version = :sequence)";
    private static final String APPLIED = "\nWHERE" + APPLIED_CONDITION + "\n";

    private final JdbcClient jdbc;
    private final BatchedWrites writes;

    public ProjectsProjection(JdbcClient jdbc, NamedParameterJdbcTemplate namedJdbc) {
        this.jdbc = jdbc;
        this.writes = new BatchedWrites(namedJdbc, GROUP);
    }

    @EventHandler
    public void on(LeadRegisteredEvent event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        Map<String, Object> values = new HashMap<>();
        values.put("id", event.projectId());
        values.put("name", event.projectName());
        values.put("unitId", event.unitId().value());
        values.put("stage", ProjectStage.LEAD.name());
        values.put("investorName", event.investor().name());
        values.put("creditCode", event.investor().creditCode() == null ? null : event.investor().creditCode().value());
        values.put("country", event.investor().country());
        values.put("investorKind", event.investor().kind().name());
        values.put("industryCode", event.industryCode().value());
        values.put("industrial", event.industryCode().isIndustrial());
        values.put("channel", Rows.name(event.channel()));
        values.put("intendedAmount", Rows.amount(event.intendedAmount()));
        values.put("intendedCurrency", Rows.currency(event.intendedAmount()));
        values.put("leadOn", event.occurredOn());
        values.put("sequence", sequence);
        values.put("recordedAt", Rows.timestamp(recordedAt));
        writes.add(event.projectId(), """
                        INSERT INTO project_view (id, name, unit_id, stage, registered, investor_name, investor_credit_code,
                            investor_country, investor_kind, industry_code, industrial, channel, intended_amount,
                            intended_currency, lead_on, version, first_recorded_at, last_recorded_at)
                        VALUES (:id, :name, :unitId, :stage, FALSE, :investorName, :creditCode, :country, :investorKind,
                            :industryCode, :industrial, :channel, :intendedAmount, :intendedCurrency, :leadOn, :sequence,
                            :recordedAt, :recordedAt)
                        ON CONFLICT (id) DO NOTHING""", values);
    }

    @EventHandler
    public void on(NegotiationStartedEvent event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        advance(event.projectId(), sequence, recordedAt, "stage = 'NEGOTIATING', negotiation_on = :on",
                Map.of("on", event.occurredOn()));
    }

    @EventHandler
    public void on(IntentAgreementSignedEvent event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        advance(event.projectId(), sequence, recordedAt,
                "stage = 'INTENT', intent_on = :on, intent_amount = :amount, intent_currency = :currency",
                Map.of("on", event.occurredOn(), "amount", event.amount().amount(),
                        "currency", event.amount().currency().name()));
    }

    @EventHandler
    public void on(ProjectSignedEvent event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        Map<String, Object> values = leader(event.responsibleLeader());
        values.put("on", event.occurredOn());
        values.put("amount", event.contractAmount().amount());
        values.put("currency", event.contractAmount().currency().name());
        values.put("ceremony", event.ceremony());
        advance(event.projectId(), sequence, recordedAt, """
                stage = 'SIGNED', signed_on = :on, contract_amount = :amount, contract_currency = :currency,
                ceremony = :ceremony, leader_name = :leaderName, leader_title = :leaderTitle,
                leader_user_id = :leaderUserId""", values);
    }

    @EventHandler
    public void on(ProjectPresentedAtCeremonyEvent event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        advance(event.projectId(), sequence, recordedAt, null, Map.of());
        Map<String, Object> values = new HashMap<>();
        values.put("projectId", event.projectId());
        values.put("ceremony", event.ceremony());
        values.put("sequence", sequence);
        values.put("on", event.occurredOn());
        values.put("recordedAt", Rows.timestamp(recordedAt));
        writes.add(event.projectId(), """
                INSERT INTO project_ceremony (project_id, ceremony, sequence, occurred_on, recorded_at)
                SELECT :projectId, :ceremony, :sequence, :on, :recordedAt""" + APPLIED + """
                ON CONFLICT (project_id, ceremony) DO NOTHING""", values);
    }

    /** Registration (入库) moves a SIGNED project to REGISTERED; at a later stage it only sets the flag. */
    @EventHandler
    public void on(ProjectRegisteredEvent event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        advance(event.projectId(), sequence, recordedAt, """
                        registered = TRUE, registered_on = :on,
                        stage = CASE WHEN stage = 'SIGNED' THEN 'REGISTERED' ELSE stage END,
                        registration_evidence_kind = :evidenceKind, registration_evidence_reference = :evidenceReference""",
                Map.of("on", event.occurredOn(), "evidenceKind", event.evidence().kind().name(),
                        "evidenceReference", event.evidence().reference()));
    }

    @EventHandler
    public void on(LandAssignedEvent event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        advance(event.projectId(), sequence, recordedAt,
                "stage = 'LAND_ASSIGNED', land_on = :on, land_parcel_id = :parcelId, land_area_mu = :areaMu",
                Map.of("on", event.occurredOn(), "parcelId", event.parcelId(), "areaMu", event.areaMu()));
    }

    @EventHandler
    public void on(ConstructionStartedEvent event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        advance(event.projectId(), sequence, recordedAt,
                "stage = 'UNDER_CONSTRUCTION', construction_started_on = :on", Map.of("on", event.occurredOn()));
    }

    @EventHandler
    public void on(ConstructionCompletedEvent event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        advance(event.projectId(), sequence, recordedAt,
                "stage = 'COMPLETED', completed_on = :on", Map.of("on", event.occurredOn()));
    }

    @EventHandler
    public void on(ProductionStartedEvent event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        advance(event.projectId(), sequence, recordedAt,
                "stage = 'IN_PRODUCTION', production_started_on = :on", Map.of("on", event.occurredOn()));
    }

    @EventHandler
    public void on(CapitalArrivedEvent event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        advance(event.projectId(), sequence, recordedAt, null, Map.of());
        Map<String, Object> values = new HashMap<>();
        values.put("projectId", event.projectId());
        values.put("arrivalId", event.arrivalId());
        values.put("sequence", sequence);
        values.put("amount", event.amount().amount());
        values.put("currency", event.amount().currency().name());
        values.put("foreignExchange", event.foreignExchange());
        values.put("on", event.occurredOn());
        values.put("recordedAt", Rows.timestamp(recordedAt));
        writes.add(event.projectId(), """
                INSERT INTO project_capital_arrival (project_id, arrival_id, sequence, amount, currency,
                    foreign_exchange, occurred_on, recorded_at)
                SELECT :projectId, :arrivalId, :sequence, :amount, :currency, :foreignExchange, :on, :recordedAt""" + APPLIED + """
                ON CONFLICT (project_id, arrival_id) DO NOTHING""", values);
    }

    @EventHandler
    public void on(CapitalVerifiedEvent event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        advance(event.projectId(), sequence, recordedAt, null, Map.of());
        Map<String, Object> values = new HashMap<>();
        values.put("projectId", event.projectId());
        values.put("arrivalId", event.arrivalId());
        values.put("amount", event.verifiedAmount().amount());
        values.put("currency", event.verifiedAmount().currency().name());
        values.put("evidenceKind", event.evidence().kind().name());
        values.put("evidenceReference", event.evidence().reference());
        values.put("on", event.occurredOn());
        values.put("recordedAt", Rows.timestamp(recordedAt));
        values.put("sequence", sequence);
        writes.add(event.projectId(), """
                UPDATE project_capital_arrival
                SET verified_amount = :amount, verified_currency = :currency, evidence_kind = :evidenceKind,
                    evidence_reference = :evidenceReference, verified_on = :on, verified_at = :recordedAt
                WHERE project_id = :projectId AND arrival_id = :arrivalId AND""" + APPLIED_CONDITION, values);
    }

    @EventHandler
    public void on(ProjectAbandonedEvent event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        advance(event.projectId(), sequence, recordedAt,
                "stage = 'ABANDONED', ended_on = :on, end_reason = :reason",
                Map.of("on", event.occurredOn(), "reason", event.reason()));
    }

    @EventHandler
    public void on(ContractTerminatedEvent event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        advance(event.projectId(), sequence, recordedAt,
                "stage = 'TERMINATED', ended_on = :on, end_reason = :reason",
                Map.of("on", event.occurredOn(), "reason", event.reason()));
    }

    @EventHandler
    public void on(ResponsibleLeaderAssignedEvent event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        advance(event.projectId(), sequence, recordedAt,
                "leader_name = :leaderName, leader_title = :leaderTitle, leader_user_id = :leaderUserId",
                leader(event.leader()));
    }

    // The supervision rules' facts are the project's events too: they move its version (the ETag clients send back
    // as If-Match); their content is kept by the supervision projection.

    @EventHandler
    public void on(ConstructionDeadlineWarningIssuedEvent event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        advance(event.projectId(), sequence, recordedAt, null, Map.of());
    }

    @EventHandler
    public void on(ConstructionOverdueEvent event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        advance(event.projectId(), sequence, recordedAt, null, Map.of());
    }

    @EventHandler
    public void on(ProjectStalledAfterSigningEvent event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        advance(event.projectId(), sequence, recordedAt, null, Map.of());
    }

    @EventHandler
    public void on(IdleLandFoundEvent event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        advance(event.projectId(), sequence, recordedAt, null, Map.of());
    }

    @EventHandler
    public void on(LandReclaimProposedEvent event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        advance(event.projectId(), sequence, recordedAt, null, Map.of());
    }

    @EventHandler
    public void on(LandReclaimedEvent event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        advance(event.projectId(), sequence, recordedAt, null, Map.of());
    }

    @EventHandler
    public void on(ReportedVerifiedGapFlaggedEvent event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        advance(event.projectId(), sequence, recordedAt, null, Map.of());
    }

    @EventHandler
    public void on(LateEntryFlaggedEvent event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        advance(event.projectId(), sequence, recordedAt, null, Map.of());
    }

    @ResetHandler
    public void onReset() {
        jdbc.sql("DELETE FROM project_capital_arrival").update();
        jdbc.sql("DELETE FROM project_ceremony").update();
        jdbc.sql("DELETE FROM project_view").update();
    }

    /**
     * Applies {@code assignments} (constant SQL, may be null) to the project's row and moves its version to
     * {@code sequence}, unless the row has seen this event already. Written with the batch (see {@link BatchedWrites});
     * a child row written after it for the same event is guarded by {@link #APPLIED}: only while the row's version is
     * this event's, i.e. this event was applied and no later one.
     */
    private void advance(String projectId, long sequence, Instant recordedAt, String assignments,
                         Map<String, ?> values) {
        String sql = "UPDATE project_view SET "
                + (assignments == null ? "" : assignments + ", ")
                + "version = :sequence, last_recorded_at = :recordedAt WHERE id = :projectId AND version < :sequence";
        Map<String, Object> params = new HashMap<>(values);
        params.put("projectId", projectId);
        params.put("sequence", sequence);
        params.put("recordedAt", Rows.timestamp(recordedAt));
        writes.add(projectId, sql, params, updated -> {
            if (updated == 0 && !exists(projectId)) {
                throw new IllegalStateException("project " + projectId + " has an event at sequence " + sequence
                        + " but no row: its lead was never projected");
            }
        });
    }

    private boolean exists(String projectId) {
        return jdbc.sql("SELECT count(*) FROM project_view WHERE id = :id").param("id", projectId)
                .query(Long.class).single() > 0;
    }

    private static Map<String, Object> leader(ResponsibleLeader leader) {
        Map<String, Object> values = new HashMap<>();
        values.put("leaderName", leader == null ? null : leader.name());
        values.put("leaderTitle", leader == null ? null : leader.title());
        values.put("leaderUserId", leader == null ? null : leader.userId());
        return values;
    }
}
