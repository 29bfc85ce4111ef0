package com.zhaoshang.ledger.api.accountability;

import org.axonframework.serialization.Revision;

import java.math.BigDecimal;
import java.util.List;

/**
 * Rule 7, 一票否决: the unit missed annual targets of {@code campaignId} (completion below
 * {@code requiredCompletion}, i.e. actual below target) and is disqualified from {@code year}'s awards (评先评优).
 */
@Revision("1")
public record AwardsVetoedEvent(String appraisalId, AccountabilityRule rule, int year, String campaignId, String unitId,
                                List<MissedTarget> missed, BigDecimal requiredCompletion, String bulletinId) {
}
