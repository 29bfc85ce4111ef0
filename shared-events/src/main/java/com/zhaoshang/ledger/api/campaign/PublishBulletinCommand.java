package com.zhaoshang.ledger.api.campaign;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/**
 * Publishes a bulletin: the ranking of {@code peerGroup} over {@code from}..{@code to}, or of a campaign's targeted
 * units ({@code campaignId}, optionally narrowed to a peer group), as known at the moment of publication. Scheduled
 * bulletins get deterministic ids ({@code weekly-<peer group>-<from>}), so publishing one twice is refused.
 */
public record PublishBulletinCommand(@TargetAggregateIdentifier String bulletinId, BulletinKind kind, String title,
                                     String peerGroup, String campaignId, LocalDate from, LocalDate to) {
}
