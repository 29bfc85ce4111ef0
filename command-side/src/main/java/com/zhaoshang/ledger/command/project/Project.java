package com.zhaoshang.ledger.command.project;

import com.zhaoshang.ledger.api.ErrorCode;
import com.zhaoshang.ledger.api.project.*;
import com.zhaoshang.ledger.api.value.Money;
import com.zhaoshang.ledger.api.value.ProjectStage;
import com.zhaoshang.ledger.api.value.ResponsibleLeader;
import com.zhaoshang.ledger.api.value.UnitId;
import com.zhaoshang.ledger.command.common.BusinessDates;
import com.zhaoshang.ledger.command.common.Refusal;
import com.zhaoshang.ledger.command.project.ProjectLifecycle.Step;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One investment project for its whole life (one identity, like the national 项目代码): lead → negotiation → intent →
 * signed → registered → land → construction → completed → production, capital arrivals and their verification, or
 * an end (abandoned, terminated).
 * <p>
 * Every handler checks, in this order, then applies one event; only the {@code @EventSourcingHandler}s change state:
 * <ol>
 *   <li><b>If-Match</b>: a non-null {@code expectedVersion} that is not the aggregate's version →
 *   {@link ErrorCode#STALE_VERSION}.</li>
 *   <li><b>Stage</b>: the transition table of {@link ProjectLifecycle} → {@link ErrorCode#ILLEGAL_TRANSITION}, naming
 *   the current stage and the allowed ones. An ABANDONED or TERMINATED project takes no further facts, except the
 *   verification of an arrival reported before (it verifies a past fact).</li>
 *   <li><b>Fields</b> ({@link ProjectRules}) → {@link ErrorCode#RULE_VIOLATED}: lead name non-blank ≤ 200; overseas
 *   investors name an ISO 3166 country; intended amount positive if given; intent amount positive; contract amount
 *   positive and a responsible leader to sign; evidence to register; land parcel non-blank and area &gt; 0 with ≤ 4
 *   decimals; arrival amount positive; a reason to abandon or terminate.</li>
 *   <li><b>Dates</b> ({@link BusinessDates}) → {@link ErrorCode#RULE_VIOLATED}: {@code occurredOn} required, not
 *   after today (injected {@link Clock}, Asia/Shanghai), not before 2000-01-01, and never before the fact it follows.
 *   Milestones (the facts that move the stage: lead, negotiation, intent, signing, registration from SIGNED, land,
 *   construction start, completion, production, abandonment, termination) never precede the latest milestone so far
 *   — a construction start cannot precede the signing. Facts that do not move the stage are bounded by the fact they
 *   depend on, so a late report of an earlier fact can still be recorded (and listed as a late entry): a capital
 *   arrival, a presentation at a ceremony and a registration after a later stage never precede the signing; a
 *   verification never precedes its arrival; a leader assignment never precedes the lead.</li>
 * </ol>
 * Special rules:
 * <ul>
 *   <li><b>One signing only</b> (no double counting): a signed project named at a ceremony that is neither its
 *   signing ceremony nor one it was presented at already is recorded as {@link ProjectPresentedAtCeremonyEvent}
 *   (history, never a second signing); any other second signing → ILLEGAL_TRANSITION.</li>
 *   <li><b>Registration</b> (入库) once: SIGNED → REGISTERED; at a later stage only the registered flag is set.</li>
 *   <li><b>Capital</b>: an arrival id is used once per project (ALREADY_EXISTS); a verification names an existing
 *   arrival (UNKNOWN_REFERENCE) not yet verified (ILLEGAL_TRANSITION), in the reported currency, for
 *   0 &lt; verified ≤ reported, on evidence that proves that currency (RULE_VIOLATED).</li>
 * </ul>
 * Every instance handler answers the aggregate's new version (a {@code Long}, for ETag/If-Match). Lead
 * registration — with its set-based checks (the unit exists, no live project owns the investor's credit code in the
 * same industry) — is handled by {@link LeadRegistration}, which creates the aggregate through the repository.
 */
@Aggregate
public class Project {

    @AggregateIdentifier
    private String projectId;
    private UnitId unitId;
    private ProjectStage stage;
    private boolean registered;
    private LocalDate leadOn;
    private LocalDate signedOn;
    private LocalDate latestMilestoneOn;
    private String signingCeremony;
    private Set<String> presentedAtCeremonies = new HashSet<>();
    private ResponsibleLeader responsibleLeader;
    private Map<String, Arrival> arrivals = new HashMap<>();

    /** A capital arrival as reported, and whether a verifier has verified it. */
    private record Arrival(Money reported, LocalDate occurredOn, boolean verified) {
    }

    /** Axon rebuilds a project from its events through this constructor; it is there on purpose. */
    protected Project() {
    }

    /**
     * A lead registered: the project is born in stage LEAD. Called by {@link LeadRegistration} inside
     * {@code Repository.newInstance} once the set-based checks passed; this constructor checks the lead's own fields.
     */
    Project(RegisterLeadCommand command, Clock clock) {
        ProjectRules.requireProjectName(command.projectName());
        ProjectRules.requirePresent(command.unitId(), "unitId");
        ProjectRules.requireInvestor(command.investor());
        ProjectRules.requirePresent(command.industryCode(), "industryCode");
        ProjectRules.requirePresent(command.channel(), "channel");
        ProjectRules.requirePositiveIfPresent(command.intendedAmount(), "intendedAmount");
        BusinessDates.requireDeclaredDate(command.occurredOn(), clock, "lead");
        apply(new LeadRegisteredEvent(command.projectId(), command.projectName().strip(), command.unitId(),
                command.investor(), command.industryCode(), command.channel(), command.intendedAmount(),
                command.occurredOn()));
    }

    @CommandHandler
    public Long handle(StartNegotiationCommand command, Clock clock) {
        requireExpectedVersion(command.expectedVersion());
        ProjectLifecycle.requireAllowed(Step.START_NEGOTIATION, stage);
        requireMilestoneDate(command.occurredOn(), clock, "start of negotiation");
        apply(new NegotiationStartedEvent(projectId, command.occurredOn()));
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    public Long handle(SignIntentAgreementCommand command, Clock clock) {
        requireExpectedVersion(command.expectedVersion());
        ProjectLifecycle.requireAllowed(Step.SIGN_INTENT_AGREEMENT, stage);
        ProjectRules.requirePositive(command.amount(), "amount");
        requireMilestoneDate(command.occurredOn(), clock, "intent agreement");
        apply(new IntentAgreementSignedEvent(projectId, command.amount(), command.occurredOn()));
        return AggregateLifecycle.getVersion();
    }

    /**
     * The formal contract, once. A project already signed and named at another ceremony is recorded as presented
     * there (history only); a second signing otherwise is refused.
     */
    @CommandHandler
    public Long handle(SignProjectCommand command, Clock clock) {
        requireExpectedVersion(command.expectedVersion());
        String ceremony = command.ceremony() == null || command.ceremony().isBlank() ? null : command.ceremony().strip();
        if (stage.isSigned()) {
            presentAtAnotherCeremony(ceremony, command.occurredOn(), clock);
        } else {
            ProjectLifecycle.requireAllowed(Step.SIGN_PROJECT, stage);
            ProjectRules.requirePositive(command.contractAmount(), "contractAmount");
            ProjectRules.requireResponsibleLeader(command.responsibleLeader());
            ProjectRules.requireCeremonyName(ceremony);
            requireMilestoneDate(command.occurredOn(), clock, "signing");
            apply(new ProjectSignedEvent(projectId, command.contractAmount(), ceremony, command.responsibleLeader(),
                    command.occurredOn()));
        }
        return AggregateLifecycle.getVersion();
    }

    /** 不重复计数: a signed project shown at a new ceremony adds the ceremony to its history and never counts twice. */
    private void presentAtAnotherCeremony(String ceremony, LocalDate occurredOn, Clock clock) {
        ProjectLifecycle.requireAllowed(Step.PRESENT_AT_CEREMONY, stage);
        if (ceremony == null || ceremony.equals(signingCeremony) || presentedAtCeremonies.contains(ceremony)) {
            throw Refusal.of(ErrorCode.ILLEGAL_TRANSITION, "cannot sign the project again: it is " + stage
                    + ", signed on " + signedOn + (signingCeremony == null ? "" : " at " + signingCeremony)
                    + (ceremony != null && presentedAtCeremonies.contains(ceremony)
                    ? " and already presented at " + ceremony : "")
                    + "; a second signing never counts (name another ceremony to record a presentation there)");
        }
        ProjectRules.requireCeremonyName(ceremony);
        BusinessDates.requireDeclaredDate(occurredOn, clock, "presentation at " + ceremony);
        BusinessDates.requireNotBefore(occurredOn, signedOn, "presentation at " + ceremony, "signing");
        apply(new ProjectPresentedAtCeremonyEvent(projectId, ceremony, occurredOn));
    }

    @CommandHandler
    public Long handle(RegisterProjectCommand command, Clock clock) {
        requireExpectedVersion(command.expectedVersion());
        ProjectLifecycle.requireAllowed(Step.REGISTER_PROJECT, stage);
        if (registered) {
            throw Refusal.of(ErrorCode.ILLEGAL_TRANSITION, "cannot register the project (入库) in stage " + stage
                    + ": it is registered already; registration happens once");
        }
        ProjectRules.requireEvidence(command.evidence(), "register the project");
        BusinessDates.requireDeclaredDate(command.occurredOn(), clock, "registration");
        BusinessDates.requireNotBefore(command.occurredOn(), signedOn, "registration", "signing");
        apply(new ProjectRegisteredEvent(projectId, command.evidence(), command.occurredOn()));
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    public Long handle(AssignLandCommand command, Clock clock) {
        requireExpectedVersion(command.expectedVersion());
        ProjectLifecycle.requireAllowed(Step.ASSIGN_LAND, stage);
        ProjectRules.requireLand(command.parcelId(), command.areaMu());
        requireMilestoneDate(command.occurredOn(), clock, "land assignment");
        apply(new LandAssignedEvent(projectId, command.parcelId().strip(), command.areaMu(), command.occurredOn()));
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    public Long handle(StartConstructionCommand command, Clock clock) {
        requireExpectedVersion(command.expectedVersion());
        ProjectLifecycle.requireAllowed(Step.START_CONSTRUCTION, stage);
        requireMilestoneDate(command.occurredOn(), clock, "construction start");
        apply(new ConstructionStartedEvent(projectId, command.occurredOn()));
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    public Long handle(CompleteConstructionCommand command, Clock clock) {
        requireExpectedVersion(command.expectedVersion());
        ProjectLifecycle.requireAllowed(Step.COMPLETE_CONSTRUCTION, stage);
        requireMilestoneDate(command.occurredOn(), clock, "construction completion");
        apply(new ConstructionCompletedEvent(projectId, command.occurredOn()));
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    public Long handle(StartProductionCommand command, Clock clock) {
        requireExpectedVersion(command.expectedVersion());
        ProjectLifecycle.requireAllowed(Step.START_PRODUCTION, stage);
        requireMilestoneDate(command.occurredOn(), clock, "production start");
        apply(new ProductionStartedEvent(projectId, command.occurredOn()));
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    public Long handle(RecordCapitalArrivalCommand command, Clock clock) {
        requireExpectedVersion(command.expectedVersion());
        ProjectLifecycle.requireAllowed(Step.RECORD_CAPITAL_ARRIVAL, stage);
        ProjectRules.requireArrivalId(command.arrivalId());
        requireUnusedArrivalId(command.arrivalId());
        ProjectRules.requirePositive(command.amount(), "amount");
        BusinessDates.requireDeclaredDate(command.occurredOn(), clock, "capital arrival");
        BusinessDates.requireNotBefore(command.occurredOn(), signedOn, "capital arrival", "signing");
        apply(new CapitalArrivedEvent(projectId, command.arrivalId(), command.amount(), command.foreignExchange(),
                command.occurredOn()));
        return AggregateLifecycle.getVersion();
    }

    /** Allowed after the project ended: it verifies capital reported while it was alive. */
    @CommandHandler
    public Long handle(VerifyCapitalArrivalCommand command, Clock clock) {
        requireExpectedVersion(command.expectedVersion());
        ProjectLifecycle.requireAllowed(Step.VERIFY_CAPITAL_ARRIVAL, stage);
        Arrival arrival = requireUnverifiedArrival(command.arrivalId());
        ProjectRules.requireSameCurrencyAsReported(command.verifiedAmount(), arrival.reported(), command.arrivalId());
        ProjectRules.requireVerifiedWithinReported(command.verifiedAmount(), arrival.reported(), command.arrivalId());
        ProjectRules.requireEvidenceProvesCurrency(command.evidence(), arrival.reported().currency());
        BusinessDates.requireDeclaredDate(command.occurredOn(), clock, "verification");
        BusinessDates.requireNotBefore(command.occurredOn(), arrival.occurredOn(), "verification",
                "capital arrival " + command.arrivalId());
        apply(new CapitalVerifiedEvent(projectId, command.arrivalId(), arrival.reported(), command.verifiedAmount(),
                command.evidence(), command.occurredOn()));
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    public Long handle(AbandonProjectCommand command, Clock clock) {
        requireExpectedVersion(command.expectedVersion());
        ProjectLifecycle.requireAllowed(Step.ABANDON_PROJECT, stage);
        ProjectRules.requireReason(command.reason());
        requireMilestoneDate(command.occurredOn(), clock, "abandonment");
        apply(new ProjectAbandonedEvent(projectId, command.reason().strip(), command.occurredOn()));
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    public Long handle(TerminateContractCommand command, Clock clock) {
        requireExpectedVersion(command.expectedVersion());
        ProjectLifecycle.requireAllowed(Step.TERMINATE_CONTRACT, stage);
        ProjectRules.requireReason(command.reason());
        requireMilestoneDate(command.occurredOn(), clock, "contract termination");
        apply(new ContractTerminatedEvent(projectId, command.reason().strip(), command.occurredOn()));
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    public Long handle(AssignResponsibleLeaderCommand command, Clock clock) {
        requireExpectedVersion(command.expectedVersion());
        ProjectLifecycle.requireAllowed(Step.ASSIGN_RESPONSIBLE_LEADER, stage);
        ProjectRules.requirePresent(command.leader(), "leader");
        BusinessDates.requireDeclaredDate(command.occurredOn(), clock, "leader assignment");
        BusinessDates.requireNotBefore(command.occurredOn(), leadOn, "leader assignment", "lead");
        apply(new ResponsibleLeaderAssignedEvent(projectId, command.leader(), command.occurredOn()));
        return AggregateLifecycle.getVersion();
    }

    // ---- rules that read the aggregate's state -------------------------------------------------------------------

    /** If-Match: a command made against another version of the project is refused, never merged. */
    private void requireExpectedVersion(Long expectedVersion) {
        Long current = AggregateLifecycle.getVersion();
        if (expectedVersion != null && !Objects.equals(expectedVersion, current)) {
            throw Refusal.of(ErrorCode.STALE_VERSION, "project " + projectId + " is at version " + current
                    + ", not at the expected version " + expectedVersion + "; reload it and decide again");
        }
    }

    /** Milestones follow each other in time: a milestone never precedes the latest milestone so far. */
    private void requireMilestoneDate(LocalDate occurredOn, Clock clock, String fact) {
        BusinessDates.requireDeclaredDate(occurredOn, clock, fact);
        BusinessDates.requireNotBefore(occurredOn, latestMilestoneOn, fact, "latest milestone (" + stage + ")");
    }

    /** An arrival id names one arrival of the project, once. */
    private void requireUnusedArrivalId(String arrivalId) {
        if (arrivals.containsKey(arrivalId)) {
            throw Refusal.of(ErrorCode.ALREADY_EXISTS, "capital arrival " + arrivalId
                    + " is already recorded on project " + projectId);
        }
    }

    /** A verification names an arrival of this project that no verifier has verified yet. */
    private Arrival requireUnverifiedArrival(String arrivalId) {
        Arrival arrival = arrivalId == null ? null : arrivals.get(arrivalId);
        if (arrival == null) {
            throw Refusal.of(ErrorCode.UNKNOWN_REFERENCE, "project " + projectId + " has no capital arrival "
                    + arrivalId);
        }
        if (arrival.verified()) {
            throw Refusal.of(ErrorCode.ILLEGAL_TRANSITION, "capital arrival " + arrivalId + " of project "
                    + projectId + " is verified already; a verification happens once");
        }
        return arrival;
    }

    // ---- state changes, only from events ------------------------------------------------------------------------

    @EventSourcingHandler
    void on(LeadRegisteredEvent event) {
        projectId = event.projectId();
        unitId = event.unitId();
        stage = ProjectStage.LEAD;
        leadOn = event.occurredOn();
        latestMilestoneOn = event.occurredOn();
    }

    @EventSourcingHandler
    void on(NegotiationStartedEvent event) {
        reachMilestone(ProjectStage.NEGOTIATING, event.occurredOn());
    }

    @EventSourcingHandler
    void on(IntentAgreementSignedEvent event) {
        reachMilestone(ProjectStage.INTENT, event.occurredOn());
    }

    @EventSourcingHandler
    void on(ProjectSignedEvent event) {
        reachMilestone(ProjectStage.SIGNED, event.occurredOn());
        signedOn = event.occurredOn();
        signingCeremony = event.ceremony();
        responsibleLeader = event.responsibleLeader();
    }

    @EventSourcingHandler
    void on(ProjectPresentedAtCeremonyEvent event) {
        presentedAtCeremonies.add(event.ceremony());
    }

    @EventSourcingHandler
    void on(ProjectRegisteredEvent event) {
        registered = true;
        if (stage == ProjectStage.SIGNED) {
            reachMilestone(ProjectStage.REGISTERED, event.occurredOn());
        }
    }

    @EventSourcingHandler
    void on(LandAssignedEvent event) {
        reachMilestone(ProjectStage.LAND_ASSIGNED, event.occurredOn());
    }

    @EventSourcingHandler
    void on(ConstructionStartedEvent event) {
        reachMilestone(ProjectStage.UNDER_CONSTRUCTION, event.occurredOn());
    }

    @EventSourcingHandler
    void on(ConstructionCompletedEvent event) {
        reachMilestone(ProjectStage.COMPLETED, event.occurredOn());
    }

    @EventSourcingHandler
    void on(ProductionStartedEvent event) {
        reachMilestone(ProjectStage.IN_PRODUCTION, event.occurredOn());
    }

    @EventSourcingHandler
    void on(CapitalArrivedEvent event) {
        arrivals.put(event.arrivalId(), new Arrival(event.amount(), event.occurredOn(), false));
    }

    @EventSourcingHandler
    void on(CapitalVerifiedEvent event) {
        Arrival arrival = arrivals.get(event.arrivalId());
        arrivals.put(event.arrivalId(), new Arrival(arrival.reported(), arrival.occurredOn(), true));
    }

    @EventSourcingHandler
    void on(ProjectAbandonedEvent event) {
        reachMilestone(ProjectStage.ABANDONED, event.occurredOn());
    }

    @EventSourcingHandler
    void on(ContractTerminatedEvent event) {
        reachMilestone(ProjectStage.TERMINATED, event.occurredOn());
    }

    @EventSourcingHandler
    void on(ResponsibleLeaderAssignedEvent event) {
        responsibleLeader = event.leader();
    }

    private void reachMilestone(ProjectStage next, LocalDate occurredOn) {
        stage = next;
        if (latestMilestoneOn == null || occurredOn.isAfter(latestMilestoneOn)) {
            latestMilestoneOn = occurredOn;
        }
    }
}
