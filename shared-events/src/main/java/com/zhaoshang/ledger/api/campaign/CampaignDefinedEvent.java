package com.zhaoshang.ledger.api.campaign;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;
import java.util.List;

/**
 * A campaign was defined: its window {@code from}..{@code to} (both inclusive) and its targets, each with its
 * currency resolved (null for counts) and its filter normalised (null when it does not filter).
 */
@Revision("1")
public record CampaignDefinedEvent(String campaignId, String name, LocalDate from, LocalDate to, List<CampaignTarget> targets) {
}
