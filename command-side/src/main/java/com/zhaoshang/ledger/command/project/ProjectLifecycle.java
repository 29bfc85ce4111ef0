package com.zhaoshang.ledger.command.project;

import com.zhaoshang.ledger.api.ErrorCode;
import com.zhaoshang.ledger.api.value.ProjectStage;
import com.zhaoshang.ledger.command.common.Refusal;

import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

import static com.zhaoshang.ledger.api.value.ProjectStage.*;

/**
 * The transition table of a project: for each step (one per command), the stages it may start from and the stage it
 * leads to. A step asked for in any other stage is refused with {@link ErrorCode#ILLEGAL_TRANSITION}, naming the
 * current stage and the stages the step is allowed from. Nothing here reads or changes state; the {@link Project}
 * aggregate asks before it applies.
 *
 * <pre>
 * step                       command                         allowed from                               leads to
 * -------------------------  ------------------------------  -----------------------------------------  ----------------
 * (creation)                 RegisterLeadCommand             (nothing: a new project)                   LEAD
 * START_NEGOTIATION          StartNegotiationCommand         LEAD                                       NEGOTIATING
 * SIGN_INTENT_AGREEMENT      SignIntentAgreementCommand      LEAD, NEGOTIATING                          INTENT
 * SIGN_PROJECT               SignProjectCommand              LEAD, NEGOTIATING, INTENT                  SIGNED
 * PRESENT_AT_CEREMONY        SignProjectCommand (signed,     SIGNED … IN_PRODUCTION                     (unchanged)
 *                            another ceremony)
 * REGISTER_PROJECT           RegisterProjectCommand          SIGNED … IN_PRODUCTION, not yet registered REGISTERED from SIGNED,
 *                                                                                                       else flag only
 * ASSIGN_LAND                AssignLandCommand               SIGNED, REGISTERED                         LAND_ASSIGNED
 * START_CONSTRUCTION         StartConstructionCommand        SIGNED, REGISTERED, LAND_ASSIGNED          UNDER_CONSTRUCTION
 * COMPLETE_CONSTRUCTION      CompleteConstructionCommand     UNDER_CONSTRUCTION                         COMPLETED
 * START_PRODUCTION           StartProductionCommand          UNDER_CONSTRUCTION, COMPLETED              IN_PRODUCTION
 * RECORD_CAPITAL_ARRIVAL     RecordCapitalArrivalCommand     SIGNED … IN_PRODUCTION                     (unchanged)
 * VERIFY_CAPITAL_ARRIVAL     VerifyCapitalArrivalCommand     every stage, ended ones included           (unchanged)
 * ABANDON_PROJECT            AbandonProjectCommand           LEAD, NEGOTIATING, INTENT                  ABANDONED
 * TERMINATE_CONTRACT         TerminateContractCommand        SIGNED … COMPLETED                         TERMINATED
 * ASSIGN_RESPONSIBLE_LEADER  AssignResponsibleLeaderCommand  every stage that is not ended               (unchanged)
 * </pre>
 * "SIGNED … IN_PRODUCTION" is SIGNED, REGISTERED, LAND_ASSIGNED, UNDER_CONSTRUCTION, COMPLETED, IN_PRODUCTION.
 * ABANDONED and TERMINATED end a project's life: every step but the verification of capital reported earlier is
 * refused there.
 */
public final class ProjectLifecycle {

    private ProjectLifecycle() {
    }

    /** One row of the table. */
    public enum Step {
        START_NEGOTIATION("start negotiation", NEGOTIATING, LEAD),
        SIGN_INTENT_AGREEMENT("sign an intent agreement", INTENT, LEAD, NEGOTIATING),
        SIGN_PROJECT("sign the formal contract", SIGNED, LEAD, NEGOTIATING, INTENT),
        PRESENT_AT_CEREMONY("present the signed project at another ceremony", null,
                SIGNED, REGISTERED, LAND_ASSIGNED, UNDER_CONSTRUCTION, COMPLETED, IN_PRODUCTION),
        REGISTER_PROJECT("register the project (入库)", REGISTERED,
                SIGNED, REGISTERED, LAND_ASSIGNED, UNDER_CONSTRUCTION, COMPLETED, IN_PRODUCTION),
        ASSIGN_LAND("assign land", LAND_ASSIGNED, SIGNED, REGISTERED),
        START_CONSTRUCTION("start construction", UNDER_CONSTRUCTION, SIGNED, REGISTERED, LAND_ASSIGNED),
        COMPLETE_CONSTRUCTION("complete construction", COMPLETED, UNDER_CONSTRUCTION),
        START_PRODUCTION("start production", IN_PRODUCTION, UNDER_CONSTRUCTION, COMPLETED),
        RECORD_CAPITAL_ARRIVAL("record a capital arrival", null,
                SIGNED, REGISTERED, LAND_ASSIGNED, UNDER_CONSTRUCTION, COMPLETED, IN_PRODUCTION),
        VERIFY_CAPITAL_ARRIVAL("verify a capital arrival", null, ProjectStage.values()),
        ABANDON_PROJECT("abandon the project", ABANDONED, LEAD, NEGOTIATING, INTENT),
        TERMINATE_CONTRACT("terminate the contract", TERMINATED,
                SIGNED, REGISTERED, LAND_ASSIGNED, UNDER_CONSTRUCTION, COMPLETED),
        ASSIGN_RESPONSIBLE_LEADER("assign the responsible leader", null,
                LEAD, NEGOTIATING, INTENT, SIGNED, REGISTERED, LAND_ASSIGNED, UNDER_CONSTRUCTION, COMPLETED,
                IN_PRODUCTION);

        private final String description;
        private final ProjectStage leadsTo;
        private final Set<ProjectStage> allowedFrom;

        Step(String description, ProjectStage leadsTo, ProjectStage... allowedFrom) {
            this.description = description;
            this.leadsTo = leadsTo;
            EnumSet<ProjectStage> from = EnumSet.noneOf(ProjectStage.class);
            from.addAll(Arrays.asList(allowedFrom));
            this.allowedFrom = Collections.unmodifiableSet(from);
        }

        /** What the step does, in words a refusal can print ("start construction"). */
        public String description() {
            return description;
        }

        /** The stage after the step, or null when the step leaves the stage unchanged. */
        public ProjectStage leadsTo() {
            return leadsTo;
        }

        /** The stages the step may start from. */
        public Set<ProjectStage> allowedFrom() {
            return allowedFrom;
        }

        public boolean isAllowedFrom(ProjectStage stage) {
            return allowedFrom.contains(stage);
        }
    }

    /**
     * 阶段规则: refuses the step unless the table allows it from the current stage; the refusal names the current
     * stage and the stages the step is allowed from.
     */
    public static void requireAllowed(Step step, ProjectStage current) {
        if (step.isAllowedFrom(current)) {
            return;
        }
        if (current.isEnded()) {
            throw Refusal.of(ErrorCode.ILLEGAL_TRANSITION, "cannot " + step.description() + ": the project is "
                    + current + " and an ended project records no further facts (" + step.description()
                    + " is allowed only from " + names(step.allowedFrom()) + ")");
        }
        throw Refusal.of(ErrorCode.ILLEGAL_TRANSITION, "cannot " + step.description() + " in stage " + current
                + ": allowed only from " + names(step.allowedFrom()));
    }

    private static String names(Set<ProjectStage> stages) {
        return stages.stream().map(Enum::name).collect(Collectors.joining(", "));
    }
}
