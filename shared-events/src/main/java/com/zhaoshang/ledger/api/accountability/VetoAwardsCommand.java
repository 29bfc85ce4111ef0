package com.zhaoshang.ledger.api.accountability;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;

/**
 * Rule 7 on the final bulletin of a campaign marked annual: every unit of it with the targets it missed. One per
 * campaign: {@code appraisalId} is {@code awards-veto-<campaign id>}.
 */
public record VetoAwardsCommand(@TargetAggregateIdentifier String appraisalId, int year, String campaignId,
                                String bulletinId, List<UnitTargets> units) {
}
