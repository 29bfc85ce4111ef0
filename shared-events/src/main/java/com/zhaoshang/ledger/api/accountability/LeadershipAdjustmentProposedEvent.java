package com.zhaoshang.ledger.api.accountability;

import org.axonframework.serialization.Revision;

/**
 * Rule 6: ranked last in its peer group's annual bulletin {@code consecutiveYears} years running (this one and
 * {@code previousYearBulletinId}) → 调整领导班子 proposed.
 */
@Revision("1")
public record LeadershipAdjustmentProposedEvent(String appraisalId, AccountabilityRule rule, int year, String peerGroup,
                                                String unitId, int consecutiveYears, String bulletinId,
                                                String previousYearBulletinId) {
}
