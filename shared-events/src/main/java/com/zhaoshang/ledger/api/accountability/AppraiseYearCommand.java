package com.zhaoshang.ledger.api.accountability;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;
import java.util.Set;

/**
 * Rule 6 on a peer group's annual bulletin: {@code rankedUnits} in rank order (best first), the units of kind
 * DEPARTMENT among them, and the unit ranked last in the previous year's annual appraisal of the peer group (null if
 * none). One appraisal per peer group and year: {@code appraisalId} is {@code annual-appraisal-<peer group>-<year>}.
 */
public record AppraiseYearCommand(@TargetAggregateIdentifier String appraisalId, int year, String peerGroup,
                                  String bulletinId, List<String> rankedUnits, Set<String> departments,
                                  String previousYearLastUnitId, String previousYearBulletinId) {
}
