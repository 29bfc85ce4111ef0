package com.zhaoshang.ledger.command.campaign;

import com.zhaoshang.ledger.api.campaign.CampaignDefinedEvent;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.List;

/**
 * The windows of defined campaigns, for the bulletin schedule. Its group {@value #PROCESSING_GROUP} is subscribing
 * (see command-side-defaults.properties): the row commits with the campaign's event, and a failure fails the command.
 */
@Component
@ProcessingGroup(CampaignWindows.PROCESSING_GROUP)
public class CampaignWindows {

    public static final String PROCESSING_GROUP = "campaign-windows";

    public record Window(String campaignId, String name, LocalDate from, LocalDate to) {
    }

    /** Whether the campaign was defined as the year's targets (rule 7); false for an unknown campaign. */
    public boolean isAnnual(String campaignId) {
        return jdbc.sql("SELECT annual FROM campaign_window WHERE campaign_id = ?").param(campaignId)
                .query(Boolean.class).optional().orElse(false);
    }

    private final JdbcClient jdbc;

    public CampaignWindows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Autowired
    public void failDefinitionsWhenTheWindowCannotBeKept(EventProcessingConfigurer processing) {
        processing.registerListenerInvocationErrorHandler(PROCESSING_GROUP, c -> PropagatingErrorHandler.instance());
    }

    @EventHandler
    public void on(CampaignDefinedEvent event) {
        jdbc.sql("""
                        INSERT INTO campaign_window (campaign_id, name, date_from, date_to, annual) VALUES (?, ?, ?, ?, ?)
                        ON CONFLICT (campaign_id) DO NOTHING""")
                .params(event.campaignId(), event.name(), event.from(), event.to(), event.yearTargets())
                .update();
    }

    /** Campaigns whose window ended on or after {@code notBefore} and before {@code today}, oldest first. */
    public List<Window> endedBetween(LocalDate notBefore, LocalDate today) {
        return jdbc.sql("""
                        SELECT campaign_id, name, date_from, date_to FROM campaign_window
                        WHERE date_to >= ? AND date_to < ? ORDER BY date_to, campaign_id""")
                .params(notBefore, today)
                .query((rs, n) -> new Window(rs.getString(1), rs.getString(2), rs.getObject(3, LocalDate.class),
                        rs.getObject(4, LocalDate.class)))
                .list();
    }
}
