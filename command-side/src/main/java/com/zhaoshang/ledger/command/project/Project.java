package com.zhaoshang.ledger.command.project;

import com.zhaoshang.ledger.api.ErrorCode;
import com.zhaoshang.ledger.api.project.*;
import com.zhaoshang.ledger.api.supervision.*;
import com.zhaoshang.ledger.api.value.Money;
import com.zhaoshang.ledger.api.value.ProjectStage;
import com.zhaoshang.ledger.api.value.ResponsibleLeader;
import com.zhaoshang.ledger.api.value.UnitId;
import com.zhaoshang.ledger.command.common.BusinessDates;
import com.zhaoshang.ledger.command.common.LedgerTime;
import com.zhaoshang.ledger.command.common.Refusal;
import com.zhaoshang.ledger.command.project.ProjectLifecycle.Step;
import com.zhaoshang.ledger.command.supervision.RuleDeadline;
import com.zhaoshang.ledger.command.supervision.RuleDeadlines;
import com.zhaoshang.ledger.command.supervision.SupervisionRules;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.spring.stereotype.Aggregate;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
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
 * Supervision rules (督查督办, DOMAIN.md rules 1–3) run on persistent deadlines ({@link RuleDeadlines}: what is
 * scheduled when, due on which day, cancelled by what). The command handlers schedule and cancel them; the
 * {@code @DeadlineHandler}s decide — reading the injected {@link Clock} and the state — and record each rule's firing
 * as an event naming the rule and its parameter values, once:
 * <ul>
 *   <li><b>限时开工</b>: signed and not under construction on day 150 → {@link ConstructionDeadlineWarningIssuedEvent};
 *   on day 181 → {@link ConstructionOverdueEvent} against the responsible leader.</li>
 *   <li><b>签约即止</b>: no lifecycle fact (registration, land, construction start, capital arrival, termination) in
 *   the 60 days after signing → {@link ProjectStalledAfterSigningEvent}.</li>
 *   <li><b>圈而不建</b>: land assigned and no construction on day 365 → {@link IdleLandFoundEvent}; on day 730 →
 *   {@link LandReclaimProposedEvent}; an inspector's confirmation → {@link LandReclaimedEvent}.</li>
 * </ul>
 * A rule whose condition resolved (construction started, the contract ended) records nothing even if its deadline
 * fires. The deadline triggers at the start of its due date (Asia/Shanghai) by the scheduler's clock, which is the
 * injected clock's source (the system clock, or the movable demo clock); {@code detectedOn} is read from the clock.
 * <p>
 * Every instance handler answers the aggregate's new version (a {@code Long}, for ETag/If-Match). Lead
 * registration — with its set-based checks (the unit exists, no live project owns the investor's credit code in the
 * same industry) — is handled by {@link LeadRegistration}, which creates the aggregate through the repository.
 */
@Aggregate(snapshotTriggerDefinition = "projectSnapshotTrigger")
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
    private CapitalArrivals arrivals = new CapitalArrivals();
    // supervision: what the rules watch
    private boolean awaitingConstruction;
    private boolean constructionWarningIssued;
    private boolean constructionOverdue;
    private boolean watchingForStall;
    private LocalDate landAssignedOn;
    private String landParcelId;
    private BigDecimal landAreaMu;
    private boolean landIdle;
    private boolean idleLandFound;
    private LocalDate landReclaimProposedOn;
    private boolean landReclaimed;

    /** Axon rebuilds a project from its events through this constructor; it is there on purpose. */
    protected Project() {
    }

    /**
     * A lead registered: the project is born in stage LEAD. Called by {@link LeadRegistration} inside
     * {@code Repository.newInstance} once the set-based checks passed; this constructor checks the lead's own fields.
     */
    Project(RegisterLeadCommand command, Clock clock, SupervisionRules rules) {
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
        LocalDate recordedOn = LedgerTime.today(clock);
        if (rules.isLateEntry(command.occurredOn(), recordedOn)) {
            apply(lateEntry(command.projectId(), command.unitId(), "LeadRegisteredEvent", command.occurredOn(),
                    recordedOn, rules));
        }
    }

    @CommandHandler
    public Long handle(StartNegotiationCommand command, Clock clock, SupervisionRules rules) {
        requireExpectedVersion(command.expectedVersion());
        ProjectLifecycle.requireAllowed(Step.START_NEGOTIATION, stage);
        requireMilestoneDate(command.occurredOn(), clock, "start of negotiation");
        applyFact(new NegotiationStartedEvent(projectId, command.occurredOn()), clock, rules);
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    public Long handle(SignIntentAgreementCommand command, Clock clock, SupervisionRules rules) {
        requireExpectedVersion(command.expectedVersion());
        ProjectLifecycle.requireAllowed(Step.SIGN_INTENT_AGREEMENT, stage);
        ProjectRules.requirePositive(command.amount(), "amount");
        requireMilestoneDate(command.occurredOn(), clock, "intent agreement");
        applyFact(new IntentAgreementSignedEvent(projectId, command.amount(), command.occurredOn()), clock, rules);
        return AggregateLifecycle.getVersion();
    }

    /**
     * The formal contract, once. A project already signed and named at another ceremony is recorded as presented
     * there (history only); a second signing otherwise is refused.
     */
    @CommandHandler
    public Long handle(SignProjectCommand command, Clock clock, DeadlineManager deadlines, SupervisionRules rules) {
        requireExpectedVersion(command.expectedVersion());
        String ceremony = command.ceremony() == null || command.ceremony().isBlank() ? null : command.ceremony().strip();
        if (stage.isSigned()) {
            presentAtAnotherCeremony(ceremony, command.occurredOn(), clock, rules);
        } else {
            ProjectLifecycle.requireAllowed(Step.SIGN_PROJECT, stage);
            ProjectRules.requirePositive(command.contractAmount(), "contractAmount");
            ProjectRules.requireResponsibleLeader(command.responsibleLeader());
            ProjectRules.requireCeremonyName(ceremony);
            requireMilestoneDate(command.occurredOn(), clock, "signing");
            applyFact(new ProjectSignedEvent(projectId, command.contractAmount(), ceremony, command.responsibleLeader(),
                    command.occurredOn()), clock, rules);
            RuleDeadlines.scheduleAfterSigning(deadlines, rules, command.occurredOn());
        }
        return AggregateLifecycle.getVersion();
    }

    /** 不重复计数: a signed project shown at a new ceremony adds the ceremony to its history and never counts twice. */
    private void presentAtAnotherCeremony(String ceremony, LocalDate occurredOn, Clock clock,
                                          SupervisionRules rules) {
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
        applyFact(new ProjectPresentedAtCeremonyEvent(projectId, ceremony, occurredOn), clock, rules);
    }

    @CommandHandler
    public Long handle(RegisterProjectCommand command, Clock clock, DeadlineManager deadlines,
                       SupervisionRules rules) {
        requireExpectedVersion(command.expectedVersion());
        ProjectLifecycle.requireAllowed(Step.REGISTER_PROJECT, stage);
        if (registered) {
            throw Refusal.of(ErrorCode.ILLEGAL_TRANSITION, "cannot register the project (入库) in stage " + stage
                    + ": it is registered already; registration happens once");
        }
        ProjectRules.requireEvidence(command.evidence(), "register the project");
        BusinessDates.requireDeclaredDate(command.occurredOn(), clock, "registration");
        BusinessDates.requireNotBefore(command.occurredOn(), signedOn, "registration", "signing");
        stopWatchingForStall(deadlines);
        applyFact(new ProjectRegisteredEvent(projectId, command.evidence(), command.occurredOn()), clock, rules);
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    public Long handle(AssignLandCommand command, Clock clock, DeadlineManager deadlines, SupervisionRules rules) {
        requireExpectedVersion(command.expectedVersion());
        ProjectLifecycle.requireAllowed(Step.ASSIGN_LAND, stage);
        ProjectRules.requireLand(command.parcelId(), command.areaMu());
        requireMilestoneDate(command.occurredOn(), clock, "land assignment");
        stopWatchingForStall(deadlines);
        applyFact(new LandAssignedEvent(projectId, command.parcelId().strip(), command.areaMu(), command.occurredOn()),
                clock, rules);
        RuleDeadlines.scheduleAfterLandAssigned(deadlines, rules, command.occurredOn());
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    public Long handle(StartConstructionCommand command, Clock clock, DeadlineManager deadlines,
                       SupervisionRules rules) {
        requireExpectedVersion(command.expectedVersion());
        ProjectLifecycle.requireAllowed(Step.START_CONSTRUCTION, stage);
        requireMilestoneDate(command.occurredOn(), clock, "construction start");
        stopSupervisionDeadlines(deadlines);
        applyFact(new ConstructionStartedEvent(projectId, command.occurredOn()), clock, rules);
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    public Long handle(CompleteConstructionCommand command, Clock clock, SupervisionRules rules) {
        requireExpectedVersion(command.expectedVersion());
        ProjectLifecycle.requireAllowed(Step.COMPLETE_CONSTRUCTION, stage);
        requireMilestoneDate(command.occurredOn(), clock, "construction completion");
        applyFact(new ConstructionCompletedEvent(projectId, command.occurredOn()), clock, rules);
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    public Long handle(StartProductionCommand command, Clock clock, SupervisionRules rules) {
        requireExpectedVersion(command.expectedVersion());
        ProjectLifecycle.requireAllowed(Step.START_PRODUCTION, stage);
        requireMilestoneDate(command.occurredOn(), clock, "production start");
        applyFact(new ProductionStartedEvent(projectId, command.occurredOn()), clock, rules);
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    public Long handle(RecordCapitalArrivalCommand command, Clock clock, DeadlineManager deadlines,
                       SupervisionRules rules) {
        requireExpectedVersion(command.expectedVersion());
        ProjectLifecycle.requireAllowed(Step.RECORD_CAPITAL_ARRIVAL, stage);
        ProjectRules.requireArrivalId(command.arrivalId());
        requireUnusedArrivalId(command.arrivalId());
        ProjectRules.requirePositive(command.amount(), "amount");
        BusinessDates.requireDeclaredDate(command.occurredOn(), clock, "capital arrival");
        BusinessDates.requireNotBefore(command.occurredOn(), signedOn, "capital arrival", "signing");
        stopWatchingForStall(deadlines);
        applyFact(new CapitalArrivedEvent(projectId, command.arrivalId(), command.amount(), command.foreignExchange(),
                command.occurredOn()), clock, rules);
        return AggregateLifecycle.getVersion();
    }

    /** Allowed after the project ended: it verifies capital reported while it was alive. */
    @CommandHandler
    public Long handle(VerifyCapitalArrivalCommand command, Clock clock, SupervisionRules rules) {
        requireExpectedVersion(command.expectedVersion());
        ProjectLifecycle.requireAllowed(Step.VERIFY_CAPITAL_ARRIVAL, stage);
        CapitalArrivals.Arrival arrival = requireUnverifiedArrival(command.arrivalId());
        ProjectRules.requireSameCurrencyAsReported(command.verifiedAmount(), arrival.reported(), command.arrivalId());
        ProjectRules.requireVerifiedWithinReported(command.verifiedAmount(), arrival.reported(), command.arrivalId());
        ProjectRules.requireEvidenceProvesCurrency(command.evidence(), arrival.reported().currency());
        BusinessDates.requireDeclaredDate(command.occurredOn(), clock, "verification");
        BusinessDates.requireNotBefore(command.occurredOn(), arrival.occurredOn(), "verification",
                "capital arrival " + command.arrivalId());
        apply(new CapitalVerifiedEvent(projectId, command.arrivalId(), arrival.reported(), command.verifiedAmount(),
                command.evidence(), command.occurredOn()));
        flagReportedVerifiedGap(command.arrivalId(), arrival.reported(), command.verifiedAmount(),
                command.occurredOn(), rules);
        flagLateEntry("CapitalVerifiedEvent", command.occurredOn(), clock, rules);
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    public Long handle(AbandonProjectCommand command, Clock clock, SupervisionRules rules) {
        requireExpectedVersion(command.expectedVersion());
        ProjectLifecycle.requireAllowed(Step.ABANDON_PROJECT, stage);
        ProjectRules.requireReason(command.reason());
        requireMilestoneDate(command.occurredOn(), clock, "abandonment");
        applyFact(new ProjectAbandonedEvent(projectId, command.reason().strip(), command.occurredOn()), clock, rules);
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    public Long handle(TerminateContractCommand command, Clock clock, DeadlineManager deadlines,
                       SupervisionRules rules) {
        requireExpectedVersion(command.expectedVersion());
        ProjectLifecycle.requireAllowed(Step.TERMINATE_CONTRACT, stage);
        ProjectRules.requireReason(command.reason());
        requireMilestoneDate(command.occurredOn(), clock, "contract termination");
        stopSupervisionDeadlines(deadlines);
        applyFact(new ContractTerminatedEvent(projectId, command.reason().strip(), command.occurredOn()), clock, rules);
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    public Long handle(AssignResponsibleLeaderCommand command, Clock clock, SupervisionRules rules) {
        requireExpectedVersion(command.expectedVersion());
        ProjectLifecycle.requireAllowed(Step.ASSIGN_RESPONSIBLE_LEADER, stage);
        ProjectRules.requirePresent(command.leader(), "leader");
        BusinessDates.requireDeclaredDate(command.occurredOn(), clock, "leader assignment");
        BusinessDates.requireNotBefore(command.occurredOn(), leadOn, "leader assignment", "lead");
        applyFact(new ResponsibleLeaderAssignedEvent(projectId, command.leader(), command.occurredOn()), clock, rules);
        return AggregateLifecycle.getVersion();
    }

    /** 收回闲置土地: an inspector confirms the reclamation a rule proposed; only proposed, still idle land. */
    @CommandHandler
    public Long handle(ConfirmLandReclamationCommand command, Clock clock, SupervisionRules rules) {
        requireExpectedVersion(command.expectedVersion());
        if (landReclaimProposedOn == null || landReclaimed || !landIdle) {
            throw Refusal.of(ErrorCode.ILLEGAL_TRANSITION, "cannot confirm the reclamation of the land of project "
                    + projectId + ": " + (landReclaimed ? "it is reclaimed already"
                    : "no reclaim proposal is open (the idle-land rule proposes it; construction ends it)"));
        }
        ProjectRules.requireReason(command.reason());
        BusinessDates.requireDeclaredDate(command.occurredOn(), clock, "land reclamation");
        BusinessDates.requireNotBefore(command.occurredOn(), landReclaimProposedOn, "land reclamation",
                "reclaim proposal");
        applyFact(new LandReclaimedEvent(projectId, unitId, landParcelId, landAreaMu, command.reason().strip(),
                command.occurredOn()), clock, rules);
        return AggregateLifecycle.getVersion();
    }

    // ---- supervision rules, decided when their deadlines fire -----------------------------------------------------

    /** 限时开工 warning: still not under construction the configured number of days before the deadline. */
    @DeadlineHandler(deadlineName = RuleDeadlines.CONSTRUCTION_WARNING)
    void issueConstructionDeadlineWarning(RuleDeadline deadline, Clock clock) {
        if (!awaitingConstruction || constructionWarningIssued || constructionOverdue) {
            return;
        }
        apply(new ConstructionDeadlineWarningIssuedEvent(projectId, unitId, responsibleLeader,
                SupervisionRule.CONSTRUCTION_DEADLINE, deadline.since(), deadline.deadlineOn(),
                daysBetween(deadline.since(), deadline.deadlineOn()), daysBetween(deadline.dueOn(), deadline.deadlineOn()),
                deadline.dueOn(), LedgerTime.today(clock)));
    }

    /** 限时开工 finding: not under construction on the first day past the deadline; the responsible leader answers. */
    @DeadlineHandler(deadlineName = RuleDeadlines.CONSTRUCTION_OVERDUE)
    void findConstructionOverdue(RuleDeadline deadline, Clock clock) {
        if (!awaitingConstruction || constructionOverdue) {
            return;
        }
        apply(new ConstructionOverdueEvent(projectId, unitId, responsibleLeader, SupervisionRule.CONSTRUCTION_DEADLINE,
                deadline.since(), deadline.deadlineOn(), daysBetween(deadline.since(), deadline.deadlineOn()),
                deadline.dueOn(), LedgerTime.today(clock)));
    }

    /** 签约即止: no lifecycle fact since the signing for the configured number of days. */
    @DeadlineHandler(deadlineName = RuleDeadlines.STALLED_AFTER_SIGNING)
    void warnStalledAfterSigning(RuleDeadline deadline, Clock clock) {
        if (!watchingForStall) {
            return;
        }
        apply(new ProjectStalledAfterSigningEvent(projectId, unitId, responsibleLeader,
                SupervisionRule.STALLED_AFTER_SIGNING, deadline.since(), deadline.days(), deadline.dueOn(),
                LedgerTime.today(clock)));
    }

    /** 圈而不建: land assigned and no construction after the configured number of days (a year). */
    @DeadlineHandler(deadlineName = RuleDeadlines.IDLE_LAND_FINDING)
    void findIdleLand(RuleDeadline deadline, Clock clock) {
        if (!landIdle || idleLandFound) {
            return;
        }
        apply(new IdleLandFoundEvent(projectId, unitId, SupervisionRule.IDLE_LAND, landParcelId, landAreaMu,
                deadline.since(), deadline.days(), deadline.dueOn(), LedgerTime.today(clock)));
    }

    /** 占而不用: land still idle after the configured number of days (two years) → a reclaim proposal. */
    @DeadlineHandler(deadlineName = RuleDeadlines.IDLE_LAND_RECLAIM)
    void proposeLandReclaim(RuleDeadline deadline, Clock clock) {
        if (!landIdle || landReclaimProposedOn != null) {
            return;
        }
        apply(new LandReclaimProposedEvent(projectId, unitId, SupervisionRule.IDLE_LAND, landParcelId, landAreaMu,
                deadline.since(), deadline.days(), deadline.dueOn(), LedgerTime.today(clock)));
    }

    private static int daysBetween(LocalDate from, LocalDate to) {
        return Math.toIntExact(ChronoUnit.DAYS.between(from, to));
    }

    /** Any lifecycle fact after the signing ends the 签约即止 watch. */
    private void stopWatchingForStall(DeadlineManager deadlines) {
        if (watchingForStall) {
            RuleDeadlines.cancelStallWatch(deadlines);
        }
    }

    /** Construction started or the contract ended: no construction or idle-land rule can fire any more. */
    private void stopSupervisionDeadlines(DeadlineManager deadlines) {
        stopWatchingForStall(deadlines);
        if (awaitingConstruction) {
            RuleDeadlines.cancelConstructionDeadlines(deadlines);
        }
        if (landIdle) {
            RuleDeadlines.cancelIdleLandDeadlines(deadlines);
        }
    }

    // ---- rules 8 and 9, decided with the fact they watch ------------------------------------------------------------

    /** Records a fact the client declared, then flags it if it is a late entry (rule 9). */
    private void applyFact(ProjectEvent fact, Clock clock, SupervisionRules rules) {
        apply(fact);
        flagLateEntry(fact.getClass().getSimpleName(), fact.occurredOn(), clock, rules);
    }

    /** 补录 (rule 9): a fact recorded more than {@code ledger.rules.late-entry-days} after its date is flagged. */
    private void flagLateEntry(String factType, LocalDate occurredOn, Clock clock, SupervisionRules rules) {
        LocalDate recordedOn = LedgerTime.today(clock);
        if (rules.isLateEntry(occurredOn, recordedOn)) {
            apply(lateEntry(projectId, unitId, factType, occurredOn, recordedOn, rules));
        }
    }

    private static LateEntryFlaggedEvent lateEntry(String projectId, UnitId unitId, String factType,
                                                   LocalDate occurredOn, LocalDate recordedOn, SupervisionRules rules) {
        return new LateEntryFlaggedEvent(projectId, unitId, SupervisionRule.LATE_ENTRY, factType, rules.lateEntryDays(),
                occurredOn, recordedOn, SupervisionRules.lagDays(occurredOn, recordedOn));
    }

    /** 防止水份 (rule 8): a verification short of the reported amount by more than the threshold ratio is flagged. */
    private void flagReportedVerifiedGap(String arrivalId, Money reported, Money verified, LocalDate verifiedOn,
                                         SupervisionRules rules) {
        if (rules.verifiedFallsShortOfReported(reported, verified)) {
            apply(new ReportedVerifiedGapFlaggedEvent(projectId, unitId, arrivalId, SupervisionRule.REPORTED_VERIFIED_GAP,
                    rules.reportedVerifiedGapRatio(), reported, verified, SupervisionRules.gapRatio(reported, verified),
                    verifiedOn));
        }
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
        if (arrivals.contains(arrivalId)) {
            throw Refusal.of(ErrorCode.ALREADY_EXISTS, "capital arrival " + arrivalId
                    + " is already recorded on project " + projectId);
        }
    }

    /** A verification names an arrival of this project that no verifier has verified yet. */
    private CapitalArrivals.Arrival requireUnverifiedArrival(String arrivalId) {
        CapitalArrivals.Arrival arrival = arrivals.find(arrivalId).orElse(null);
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
        awaitingConstruction = true;
        watchingForStall = true;
    }

    @EventSourcingHandler
    void on(ProjectPresentedAtCeremonyEvent event) {
        presentedAtCeremonies.add(event.ceremony());
    }

    @EventSourcingHandler
    void on(ProjectRegisteredEvent event) {
        registered = true;
        watchingForStall = false;
        if (stage == ProjectStage.SIGNED) {
            reachMilestone(ProjectStage.REGISTERED, event.occurredOn());
        }
    }

    @EventSourcingHandler
    void on(LandAssignedEvent event) {
        reachMilestone(ProjectStage.LAND_ASSIGNED, event.occurredOn());
        watchingForStall = false;
        landAssignedOn = event.occurredOn();
        landParcelId = event.parcelId();
        landAreaMu = event.areaMu();
        landIdle = true;
    }

    @EventSourcingHandler
    void on(ConstructionStartedEvent event) {
        reachMilestone(ProjectStage.UNDER_CONSTRUCTION, event.occurredOn());
        resolveSupervision();
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
        watchingForStall = false;
        arrivals.add(event.arrivalId(), event.amount(), event.occurredOn());
    }

    @EventSourcingHandler
    void on(CapitalVerifiedEvent event) {
        arrivals.markVerified(event.arrivalId());
    }

    @EventSourcingHandler
    void on(ProjectAbandonedEvent event) {
        reachMilestone(ProjectStage.ABANDONED, event.occurredOn());
    }

    @EventSourcingHandler
    void on(ContractTerminatedEvent event) {
        reachMilestone(ProjectStage.TERMINATED, event.occurredOn());
        resolveSupervision();
    }

    @EventSourcingHandler
    void on(ResponsibleLeaderAssignedEvent event) {
        responsibleLeader = event.leader();
    }

    @EventSourcingHandler
    void on(ConstructionDeadlineWarningIssuedEvent event) {
        constructionWarningIssued = true;
    }

    @EventSourcingHandler
    void on(ConstructionOverdueEvent event) {
        constructionOverdue = true;
    }

    @EventSourcingHandler
    void on(ProjectStalledAfterSigningEvent event) {
        watchingForStall = false;
    }

    @EventSourcingHandler
    void on(IdleLandFoundEvent event) {
        idleLandFound = true;
    }

    @EventSourcingHandler
    void on(LandReclaimProposedEvent event) {
        landReclaimProposedOn = event.occurredOn();
    }

    @EventSourcingHandler
    void on(LandReclaimedEvent event) {
        landReclaimed = true;
        landIdle = false;
    }

    private void resolveSupervision() {
        watchingForStall = false;
        awaitingConstruction = false;
        landIdle = false;
    }

    private void reachMilestone(ProjectStage next, LocalDate occurredOn) {
        stage = next;
        if (latestMilestoneOn == null || occurredOn.isAfter(latestMilestoneOn)) {
            latestMilestoneOn = occurredOn;
        }
    }
}
