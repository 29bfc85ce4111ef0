package com.zhaoshang.ledger.command.project;

import com.zhaoshang.ledger.api.ErrorCode;
import com.zhaoshang.ledger.api.value.ProjectStage;
import com.zhaoshang.ledger.command.project.ProjectLifecycle.Step;
import org.axonframework.commandhandling.CommandExecutionException;
import org.junit.jupiter.api.Test;

import java.util.EnumSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The transition table itself: every refused pair names the stage and the allowed ones. */
class ProjectLifecycleTest {

    @Test
    void everyPairOutsideTheTableIsAnIllegalTransitionNamingStageAndAllowedStages() {
        for (Step step : Step.values()) {
            for (ProjectStage stage : ProjectStage.values()) {
                if (step.isAllowedFrom(stage)) {
                    assertThatCode(() -> ProjectLifecycle.requireAllowed(step, stage)).doesNotThrowAnyException();
                } else {
                    assertThatThrownBy(() -> ProjectLifecycle.requireAllowed(step, stage))
                            .isInstanceOf(CommandExecutionException.class)
                            .hasMessageContaining(stage.name())
                            .hasMessageContaining(step.allowedFrom().iterator().next().name())
                            .satisfies(e -> assertThat(((CommandExecutionException) e).getDetails())
                                    .contains(ErrorCode.ILLEGAL_TRANSITION));
                }
            }
        }
    }

    @Test
    void anEndedProjectTakesNothingButTheVerificationOfEarlierCapital() {
        for (Step step : Step.values()) {
            boolean allowedWhenEnded = step.isAllowedFrom(ProjectStage.ABANDONED)
                    || step.isAllowedFrom(ProjectStage.TERMINATED);
            assertThat(allowedWhenEnded).as(step.name()).isEqualTo(step == Step.VERIFY_CAPITAL_ARRIVAL);
        }
    }

    @Test
    void capitalArrivesOnlyOnASignedProject() {
        EnumSet<ProjectStage> signed = EnumSet.noneOf(ProjectStage.class);
        for (ProjectStage stage : ProjectStage.values()) {
            if (stage.isSigned()) {
                signed.add(stage);
            }
        }
        assertThat(Step.RECORD_CAPITAL_ARRIVAL.allowedFrom()).isEqualTo(signed);
        assertThat(Step.REGISTER_PROJECT.allowedFrom()).isEqualTo(signed);
    }

    @Test
    void aContractEndsByTerminationAndALeadByAbandonment() {
        assertThat(Step.ABANDON_PROJECT.allowedFrom())
                .containsExactlyInAnyOrder(ProjectStage.LEAD, ProjectStage.NEGOTIATING, ProjectStage.INTENT);
        assertThat(Step.TERMINATE_CONTRACT.allowedFrom()).containsExactlyInAnyOrder(ProjectStage.SIGNED,
                ProjectStage.REGISTERED, ProjectStage.LAND_ASSIGNED, ProjectStage.UNDER_CONSTRUCTION,
                ProjectStage.COMPLETED);
        assertThat(Step.ABANDON_PROJECT.leadsTo()).isEqualTo(ProjectStage.ABANDONED);
        assertThat(Step.TERMINATE_CONTRACT.leadsTo()).isEqualTo(ProjectStage.TERMINATED);
    }
}
