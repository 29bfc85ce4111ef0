package com.zhaoshang.ledger.query.campaign;

import com.zhaoshang.ledger.api.campaign.CampaignDefinedEvent;
import com.zhaoshang.ledger.api.campaign.CampaignTarget;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.AllowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;

/** Campaigns and their targets, as defined (a campaign is immutable once defined). */
@Component
@ProcessingGroup(CampaignProjection.GROUP)
@AllowReplay
public class CampaignProjection {

    public static final String GROUP = "campaign-views";

    private final JdbcClient jdbc;

    public CampaignProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    public void on(CampaignDefinedEvent event, @Timestamp Instant definedAt) {
        jdbc.sql("""
                        INSERT INTO views_campaign (campaign_id, name, date_from, date_to, defined_at) VALUES (?, ?, ?, ?, ?)
                        ON CONFLICT (campaign_id) DO UPDATE SET name = EXCLUDED.name, date_from = EXCLUDED.date_from,
                            date_to = EXCLUDED.date_to, defined_at = EXCLUDED.defined_at""")
                .params(event.campaignId(), event.name(), event.from(), event.to(), definedAt.toString())
                .update();
        jdbc.sql("DELETE FROM views_campaign_target WHERE campaign_id = ?").param(event.campaignId()).update();
        List<CampaignTarget> targets = event.targets();
        for (int i = 0; i < targets.size(); i++) {
            CampaignTarget t = targets.get(i);
            boolean hasMin = t.filter() != null && t.filter().minAmount() != null;
            jdbc.sql("""
                            INSERT INTO views_campaign_target (campaign_id, position, unit_id, indicator, industrial,
                                min_amount, min_currency, target, currency) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(event.campaignId(), i, t.unitId().value(), t.indicator().name(),
                            t.filter() == null ? null : t.filter().industrial(),
                            hasMin ? t.filter().minAmount().amount() : null,
                            hasMin ? t.filter().minAmount().currency().name() : null,
                            t.target(), t.currency() == null ? null : t.currency().name())
                    .update();
        }
    }

    @ResetHandler
    public void reset() {
        jdbc.sql("DELETE FROM views_campaign_target").update();
        jdbc.sql("DELETE FROM views_campaign").update();
    }
}
