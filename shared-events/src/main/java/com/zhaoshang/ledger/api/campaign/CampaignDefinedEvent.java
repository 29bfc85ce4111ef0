package com.zhaoshang.ledger.api.campaign;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;
import java.util.List;

/**
 * A campaign was defined: its window {@code from}..{@code to} (both inclusive) and its targets, each with its
 * currency resolved (null for counts) and its filter normalised (null when it does not filter). {@code annual}: its
 * targets are the year's targets (年度目标), so its final bulletin decides the one-vote veto (rule 7); absent
 * (null) in events recorded before the flag existed, read as false.
 */
@Revision("1")
public record CampaignDefinedEvent(String campaignId, String name, LocalDate from, LocalDate to, List<CampaignTarget> targets,
                                   Boolean annual) {

    public CampaignDefinedEvent(String campaignId, String name, LocalDate from, LocalDate to, List<CampaignTarget> targets) {
        this(campaignId, name, from, to, targets, null);
    }

    public boolean yearTargets() {
        return Boolean.TRUE.equals(annual);
    }
}
