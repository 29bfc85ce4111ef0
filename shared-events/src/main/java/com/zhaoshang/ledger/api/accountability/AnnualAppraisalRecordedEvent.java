package com.zhaoshang.ledger.api.accountability;

import org.axonframework.serialization.Revision;

import java.util.List;

/**
 * A year-close appraisal was made from a bulletin: of a peer group's annual ranking (rule 6; {@code peerGroup}, the
 * units in rank order, {@code lastUnitId} the one ranked last) or of an annual campaign's final bulletin (rule 7;
 * {@code campaignId}). Its consequences follow as their own events.
 */
@Revision("1")
public record AnnualAppraisalRecordedEvent(String appraisalId, AccountabilityRule rule, int year, String peerGroup,
                                           String campaignId, String bulletinId, List<String> rankedUnits,
                                           String lastUnitId) {
}
