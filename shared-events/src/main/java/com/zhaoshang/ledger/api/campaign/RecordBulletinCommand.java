package com.zhaoshang.ledger.api.campaign;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/**
 * Records a bulletin with the ranking fetched for it (by the publisher, outside the aggregate): what
 * {@link PublishBulletinCommand} asked for, and the rows as known at {@code ranking.knownAt()}.
 */
public record RecordBulletinCommand(@TargetAggregateIdentifier String bulletinId, BulletinKind kind, String title,
                                    String peerGroup, String campaignId, LocalDate from, LocalDate to,
                                    BulletinRanking ranking) {
}
