package com.zhaoshang.ledger.command.authorization;

import com.zhaoshang.ledger.api.ErrorCode;
import com.zhaoshang.ledger.api.accountability.AppraiseYearCommand;
import com.zhaoshang.ledger.api.accountability.VetoAwardsCommand;
import com.zhaoshang.ledger.api.activity.RecordActivityCommand;
import com.zhaoshang.ledger.api.campaign.DefineCampaignCommand;
import com.zhaoshang.ledger.api.campaign.PublishBulletinCommand;
import com.zhaoshang.ledger.api.campaign.RecordBulletinCommand;
import com.zhaoshang.ledger.api.project.AbandonProjectCommand;
import com.zhaoshang.ledger.api.project.AssignLandCommand;
import com.zhaoshang.ledger.api.project.AssignResponsibleLeaderCommand;
import com.zhaoshang.ledger.api.project.CompleteConstructionCommand;
import com.zhaoshang.ledger.api.project.RecordCapitalArrivalCommand;
import com.zhaoshang.ledger.api.project.RegisterLeadCommand;
import com.zhaoshang.ledger.api.project.RegisterProjectCommand;
import com.zhaoshang.ledger.api.project.SignIntentAgreementCommand;
import com.zhaoshang.ledger.api.project.SignProjectCommand;
import com.zhaoshang.ledger.api.project.StartConstructionCommand;
import com.zhaoshang.ledger.api.project.StartNegotiationCommand;
import com.zhaoshang.ledger.api.project.StartProductionCommand;
import com.zhaoshang.ledger.api.project.TerminateContractCommand;
import com.zhaoshang.ledger.api.project.VerifyCapitalArrivalCommand;
import com.zhaoshang.ledger.api.supervision.AnswerComplaintCommand;
import com.zhaoshang.ledger.api.supervision.ConfirmLandReclamationCommand;
import com.zhaoshang.ledger.api.supervision.DecideApprovalCommand;
import com.zhaoshang.ledger.api.supervision.OpenSupervisionCaseCommand;
import com.zhaoshang.ledger.api.supervision.ReceiveComplaintCommand;
import com.zhaoshang.ledger.api.supervision.RequestApprovalCommand;
import com.zhaoshang.ledger.api.supervision.TakeCaseStepCommand;
import com.zhaoshang.ledger.api.unit.RegisterUnitCommand;
import com.zhaoshang.ledger.api.value.Actor;
import com.zhaoshang.ledger.api.value.Role;
import com.zhaoshang.ledger.api.value.UnitId;
import com.zhaoshang.ledger.command.common.Refusal;
import com.zhaoshang.ledger.command.unit.UnitDirectory;
import org.axonframework.commandhandling.CommandExecutionException;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Who may send which command, checked on the command bus against the aggregate's owning unit (not only the URL):
 * one named policy per rule of DOMAIN.md, one entry per command type. A command an actor sends that has no entry is
 * refused. Commands without an actor (rules, schedules) are the system's own and are not checked here.
 * <ul>
 *   <li>{@link #frontOfficeRecordsForItsUnitsOnly}: lifecycle facts, leads, activities, complaints — FRONT_OFFICE, for
 *   a project or unit in the caller's unit subtree (its unit and the units below it);</li>
 *   <li>{@link #verifierVerifiesWithinItsUnits}: registration (入库) and capital verification — VERIFIER, same scope;
 *   a verifier never records lifecycle facts, leaders and inspectors never do;</li>
 *   <li>{@link #inspectorSupervisesWithinItsUnits}: cases and land reclamation — INSPECTOR, same scope;</li>
 *   <li>{@link #caseStepByItsRole}: each workflow step by its role, for a case one of whose units is in scope;</li>
 *   <li>{@link #departmentDecidesItsApprovals}: an approval decision — FRONT_OFFICE of the department asked;</li>
 *   <li>{@link #adminManagesTheTree}: units, campaigns, bulletins, year-close appraisals — ADMIN.</li>
 * </ul>
 * Every refusal is a {@code CommandExecutionException} with {@link ErrorCode#FORBIDDEN} (403), thrown before the
 * aggregate is touched, so nothing is stored.
 */
public class CommandAuthorization {

    private final UnitDirectory directory;
    private final AggregateUnits aggregates;
    private final Map<Class<?>, BiConsumer<Object, Actor>> policies = new HashMap<>();

    public CommandAuthorization(UnitDirectory directory, AggregateUnits aggregates) {
        this.directory = directory;
        this.aggregates = aggregates;

        unit(RegisterLeadCommand.class, RegisterLeadCommand::unitId, Role.FRONT_OFFICE);
        project(StartNegotiationCommand.class, StartNegotiationCommand::projectId, Role.FRONT_OFFICE);
        project(SignIntentAgreementCommand.class, SignIntentAgreementCommand::projectId, Role.FRONT_OFFICE);
        project(SignProjectCommand.class, SignProjectCommand::projectId, Role.FRONT_OFFICE);
        project(AssignLandCommand.class, AssignLandCommand::projectId, Role.FRONT_OFFICE);
        project(StartConstructionCommand.class, StartConstructionCommand::projectId, Role.FRONT_OFFICE);
        project(RecordCapitalArrivalCommand.class, RecordCapitalArrivalCommand::projectId, Role.FRONT_OFFICE);
        project(CompleteConstructionCommand.class, CompleteConstructionCommand::projectId, Role.FRONT_OFFICE);
        project(StartProductionCommand.class, StartProductionCommand::projectId, Role.FRONT_OFFICE);
        project(AbandonProjectCommand.class, AbandonProjectCommand::projectId, Role.FRONT_OFFICE);
        project(TerminateContractCommand.class, TerminateContractCommand::projectId, Role.FRONT_OFFICE);
        project(AssignResponsibleLeaderCommand.class, AssignResponsibleLeaderCommand::projectId, Role.FRONT_OFFICE);
        project(RequestApprovalCommand.class, RequestApprovalCommand::projectId, Role.FRONT_OFFICE);
        unit(RecordActivityCommand.class, RecordActivityCommand::unitId, Role.FRONT_OFFICE);
        unit(ReceiveComplaintCommand.class, ReceiveComplaintCommand::unitId, Role.FRONT_OFFICE);
        project(AnswerComplaintCommand.class, AnswerComplaintCommand::complaintId, Role.FRONT_OFFICE);

        project(RegisterProjectCommand.class, RegisterProjectCommand::projectId, Role.VERIFIER);
        project(VerifyCapitalArrivalCommand.class, VerifyCapitalArrivalCommand::projectId, Role.VERIFIER);

        project(ConfirmLandReclamationCommand.class, ConfirmLandReclamationCommand::projectId, Role.INSPECTOR);
        unit(OpenSupervisionCaseCommand.class, OpenSupervisionCaseCommand::leadUnitId, Role.INSPECTOR);
        on(TakeCaseStepCommand.class, this::caseStepByItsRole);

        on(RegisterUnitCommand.class, (command, actor) -> adminManagesTheTree(actor, "units"));
        on(DefineCampaignCommand.class, (command, actor) -> adminManagesTheTree(actor, "campaigns"));
        on(PublishBulletinCommand.class, (command, actor) -> adminManagesTheTree(actor, "bulletins"));
        on(RecordBulletinCommand.class, (command, actor) -> adminManagesTheTree(actor, "bulletins"));
        on(AppraiseYearCommand.class, (command, actor) -> adminManagesTheTree(actor, "year-close appraisals"));
        on(VetoAwardsCommand.class, (command, actor) -> adminManagesTheTree(actor, "award vetoes"));
        on(DecideApprovalCommand.class, this::departmentDecidesItsApprovals);
    }

    /** Refuses the command (403) unless {@code actor} may send it. */
    public void check(Object command, Actor actor) throws CommandExecutionException {
        BiConsumer<Object, Actor> policy = policies.get(command.getClass());
        if (policy == null) {
            throw Refusal.of(ErrorCode.FORBIDDEN, "no user may send " + command.getClass().getSimpleName());
        }
        policy.accept(command, actor);
    }

    /** The command types with a policy, for tests and the docs. */
    public Set<Class<?>> commandTypes() {
        return Set.copyOf(policies.keySet());
    }

    // ---- policies -------------------------------------------------------------------------------------------------

    /** A front office records only for its own unit and the units below it. */
    void frontOfficeRecordsForItsUnitsOnly(Actor actor, Supplier<List<UnitId>> units, String what) {
        requireRole(actor, Role.FRONT_OFFICE, what);
        requireInScope(actor, units.get(), what);
    }

    /** A verifier verifies (入库, 认定进资) only projects of its unit subtree. */
    void verifierVerifiesWithinItsUnits(Actor actor, Supplier<List<UnitId>> units, String what) {
        requireRole(actor, Role.VERIFIER, what);
        requireInScope(actor, units.get(), what);
    }

    /** An inspector opens cases and confirms reclamation only within its unit subtree. */
    void inspectorSupervisesWithinItsUnits(Actor actor, Supplier<List<UnitId>> units, String what) {
        requireRole(actor, Role.INSPECTOR, what);
        requireInScope(actor, units.get(), what);
    }

    /**
     * Review by a LEADER; acknowledgement, handling and the report by a FRONT_OFFICE; issue, recheck and closing by an
     * INSPECTOR — each for a case whose lead or an assisting unit lies in the caller's subtree.
     */
    void caseStepByItsRole(TakeCaseStepCommand command, Actor actor) {
        Role role = switch (command.step()) {
            case REVIEW -> Role.LEADER;
            case ACKNOWLEDGE, HANDLE, REPORT_BACK -> Role.FRONT_OFFICE;
            case ISSUE, RECHECK, CLOSE -> Role.INSPECTOR;
        };
        String what = "the case step " + command.step();
        requireRole(actor, role, what);
        requireInScope(actor, aggregates.unitsOf(command.caseId()), what);
    }

    /**
     * An approval is decided by the department it was asked of (超时默认制): a FRONT_OFFICE user of that department
     * unit or of a unit above it.
     */
    void departmentDecidesItsApprovals(DecideApprovalCommand command, Actor actor) {
        String what = "the decision on approval " + command.approvalId();
        requireRole(actor, Role.FRONT_OFFICE, what);
        requireInScope(actor, aggregates.unitsOf(command.approvalId()), what);
    }

    /**
     * The unit tree, campaigns, bulletins and the year-close consequences they carry are the secretariat's (ADMIN);
     * the same commands sent by the schedule carry no actor and are not checked.
     */
    void adminManagesTheTree(Actor actor, String what) {
        requireRole(actor, Role.ADMIN, what);
    }

    // ---- building blocks ------------------------------------------------------------------------------------------

    private <T> void on(Class<T> type, BiConsumer<T, Actor> policy) {
        policies.put(type, (command, actor) -> policy.accept(type.cast(command), actor));
    }

    /** A command about an existing aggregate (project, complaint): its units must be in scope. */
    private <T> void project(Class<T> type, Function<T, String> aggregateId, Role role) {
        on(type, (command, actor) -> byRole(role, actor, () -> aggregates.unitsOf(aggregateId.apply(command)),
                type.getSimpleName()));
    }

    /** A command naming a unit in its body: the unit must be in scope. */
    private <T> void unit(Class<T> type, Function<T, UnitId> unit, Role role) {
        on(type, (command, actor) -> {
            UnitId named = unit.apply(command);
            byRole(role, actor, () -> named == null ? List.of() : List.of(named), type.getSimpleName());
        });
    }

    private void byRole(Role role, Actor actor, Supplier<List<UnitId>> units, String what) {
        switch (role) {
            case FRONT_OFFICE -> frontOfficeRecordsForItsUnitsOnly(actor, units, what);
            case VERIFIER -> verifierVerifiesWithinItsUnits(actor, units, what);
            case INSPECTOR -> inspectorSupervisesWithinItsUnits(actor, units, what);
            default -> throw new IllegalArgumentException("no unit-scoped policy for " + role);
        }
    }

    private static void requireRole(Actor actor, Role role, String what) {
        if (actor.role() != role) {
            throw Refusal.of(ErrorCode.FORBIDDEN, "the role " + actor.role() + " may not send " + what
                    + "; it is for " + role);
        }
    }

    /**
     * At least one of the units must be the caller's unit or lie below it. No units (an unknown aggregate) or a unit
     * the directory does not know is left to the command handler, which refuses it as unknown (404/422).
     */
    private void requireInScope(Actor actor, List<UnitId> units, String what) {
        if (units.isEmpty()) {
            return;
        }
        boolean inScope = units.stream().anyMatch(unit -> unit.equals(actor.unitId())
                || directory.isWithinSubtree(unit, actor.unitId()));
        if (inScope) {
            return;
        }
        boolean known = units.stream().anyMatch(directory::exists);
        if (!known) {
            return;
        }
        throw Refusal.of(ErrorCode.FORBIDDEN, what + " concerns unit " + units.get(0)
                + ", which is neither unit " + actor.unitId() + " nor below it");
    }
}
