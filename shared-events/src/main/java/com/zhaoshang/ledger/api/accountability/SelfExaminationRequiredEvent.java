package com.zhaoshang.ledger.api.accountability;

import org.axonframework.serialization.Revision;

/** Rule 6: ranked last ({@code rank} of {@code rankedUnits}) in its peer group's annual bulletin → 书面检查. */
@Revision("1")
public record SelfExaminationRequiredEvent(String appraisalId, AccountabilityRule rule, int year, String peerGroup,
                                           String unitId, int rank, int rankedUnits, String bulletinId) {
}
