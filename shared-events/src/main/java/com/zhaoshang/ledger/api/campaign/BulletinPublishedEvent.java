package com.zhaoshang.ledger.api.campaign;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/**
 * A bulletin was published. The event's recording time is the publication instant: the bulletin ranks what was
 * recorded until then, and facts recorded later (late entries) never change it.
 */
@Revision("1")
public record BulletinPublishedEvent(String bulletinId, BulletinKind kind, String title, String peerGroup,
                                     String campaignId, LocalDate from, LocalDate to) {
}
