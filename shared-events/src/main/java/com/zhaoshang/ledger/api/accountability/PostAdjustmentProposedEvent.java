package com.zhaoshang.ledger.api.accountability;

import org.axonframework.serialization.Revision;

/** Rule 6: a department ranked among the last {@code lastPlaces} of its peer group's annual bulletin → 调整岗位 proposed. */
@Revision("1")
public record PostAdjustmentProposedEvent(String appraisalId, AccountabilityRule rule, int year, String peerGroup,
                                          String unitId, int rank, int rankedUnits, int lastPlaces, String bulletinId) {
}
