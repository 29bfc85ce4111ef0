package com.zhaoshang.ledger.api.campaign;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;
import java.util.List;

/**
 * A bulletin was published, holding its ranking as published ({@code ranking}: the rows, the instant they were known
 * at, the rule's parameters); immutable afterwards — facts recorded later (late entries) never change it.
 * Revision 1 held no rows: upcast, such an event reads with {@code rowsRecorded} false and no ranking
 * ({@link BulletinPublishedEventUpcaster}).
 */
@Revision("2")
public record BulletinPublishedEvent(String bulletinId, BulletinKind kind, String title, String peerGroup,
                                     String campaignId, LocalDate from, LocalDate to, boolean rowsRecorded,
                                     BulletinRanking ranking) {

    /** The rows as published, best first; empty when they were not recorded (revision 1). */
    public List<BulletinRow> publishedRows() {
        return ranking == null ? List.of() : ranking.rows();
    }
}
