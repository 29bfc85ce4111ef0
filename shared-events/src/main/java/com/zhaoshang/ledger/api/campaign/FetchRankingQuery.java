package com.zhaoshang.ledger.api.campaign;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Asks the query side for a ranking as known at {@code knownAt}: of {@code peerGroup} over {@code from}..{@code to},
 * or of a campaign's targeted units ({@code campaignId}, optionally narrowed to a peer group). Answered with a
 * {@link BulletinRanking} once the views have processed every event recorded up to the moment of asking.
 */
public record FetchRankingQuery(String peerGroup, String campaignId, LocalDate from, LocalDate to, Instant knownAt) {
}
