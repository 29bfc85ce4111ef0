package com.zhaoshang.ledger.api.campaign;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;
import java.util.List;

/** An admin defines a campaign (专项行动, e.g. 百日会战 1 July – 30 September) with per-unit targets. {@code campaignId} is made by the server; {@code annual} marks the year's targets (rule 7). */
public record DefineCampaignCommand(@TargetAggregateIdentifier String campaignId, String name, LocalDate from, LocalDate to,
                                    List<CampaignTarget> targets, Boolean annual) {

    public DefineCampaignCommand(String campaignId, String name, LocalDate from, LocalDate to, List<CampaignTarget> targets) {
        this(campaignId, name, from, to, targets, null);
    }
}
