package com.zhaoshang.ledger.command.campaign;

import com.zhaoshang.ledger.api.accountability.AnnualAppraisalRecordedEvent;
import com.zhaoshang.ledger.api.accountability.AppraiseYearCommand;
import com.zhaoshang.ledger.api.accountability.MissedTarget;
import com.zhaoshang.ledger.api.accountability.UnitTargets;
import com.zhaoshang.ledger.api.accountability.VetoAwardsCommand;
import com.zhaoshang.ledger.api.campaign.BulletinIndicatorValue;
import com.zhaoshang.ledger.api.campaign.BulletinKind;
import com.zhaoshang.ledger.api.campaign.BulletinPublishedEvent;
import com.zhaoshang.ledger.api.campaign.BulletinRow;
import com.zhaoshang.ledger.api.value.Actor;
import com.zhaoshang.ledger.api.value.UnitKind;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The year close (DOMAIN.md rules 6 and 7) reacting to published bulletins: a peer group's ANNUAL bulletin is
 * appraised once per peer group and year ({@link AppraiseYearCommand}: who was last, last the year before too, which
 * departments are in the last places); the CAMPAIGN_FINAL bulletin of a campaign defined as annual is appraised for
 * the one-vote veto ({@link VetoAwardsCommand}: each unit's targets with actual below target). An appraisal already
 * made is not made again (deterministic ids). Subscribing processor {@value #PROCESSING_GROUP}: the appraisal
 * commits with the bulletin.
 */
@Component
@ProcessingGroup(YearCloseConsequences.PROCESSING_GROUP)
public class YearCloseConsequences {

    public static final String PROCESSING_GROUP = "year-close";
    /** The rules act as this user in the metadata of what they cause. */
    public static final String RULES_USER = "accountability-rules";

    private final CommandGateway commands;
    private final EventStore events;
    private final JdbcClient jdbc;
    private final CampaignWindows campaigns;

    public YearCloseConsequences(CommandGateway commands, EventStore events, JdbcClient jdbc, CampaignWindows campaigns) {
        this.commands = commands;
        this.events = events;
        this.jdbc = jdbc;
        this.campaigns = campaigns;
    }

    @EventHandler
    public void on(BulletinPublishedEvent event) {
        if (!event.rowsRecorded() || event.publishedRows().isEmpty()) {
            return;
        }
        if (event.kind() == BulletinKind.ANNUAL && event.peerGroup() != null) {
            appraiseRanking(event);
        } else if (event.kind() == BulletinKind.CAMPAIGN_FINAL && event.campaignId() != null
                && campaigns.isAnnual(event.campaignId())) {
            appraiseTargets(event);
        }
    }

    private void appraiseRanking(BulletinPublishedEvent event) {
        int year = event.from().getYear();
        String id = AnnualAppraisal.rankingAppraisalId(event.peerGroup(), year);
        if (recorded(id) != null) {
            return;
        }
        List<String> ranked = event.publishedRows().stream().map(BulletinRow::unitId).toList();
        AnnualAppraisalRecordedEvent previous = recorded(AnnualAppraisal.rankingAppraisalId(event.peerGroup(), year - 1));
        commands.sendAndWait(new AppraiseYearCommand(id, year, event.peerGroup(), event.bulletinId(), ranked,
                        departmentsAmong(ranked), previous == null ? null : previous.lastUnitId(),
                        previous == null ? null : previous.bulletinId()),
                MetaData.with(Actor.USER_ID, RULES_USER));
    }

    private void appraiseTargets(BulletinPublishedEvent event) {
        String id = AnnualAppraisal.vetoAppraisalId(event.campaignId());
        if (recorded(id) != null) {
            return;
        }
        List<UnitTargets> units = event.publishedRows().stream()
                .map(row -> new UnitTargets(row.unitId(), row.indicators().stream()
                        .filter(YearCloseConsequences::missed)
                        .map(v -> new MissedTarget(v.indicator(), v.filter(), v.currency(), v.actual(), v.target(),
                                v.completion()))
                        .toList()))
                .toList();
        commands.sendAndWait(new VetoAwardsCommand(id, event.to().getYear(), event.campaignId(), event.bulletinId(), units),
                MetaData.with(Actor.USER_ID, RULES_USER));
    }

    /** A target is missed when the actual is below it (completion below 100%, before any rounding). */
    static boolean missed(BulletinIndicatorValue value) {
        return value.target() != null && value.actual() != null && value.actual().compareTo(value.target()) < 0;
    }

    private Set<String> departmentsAmong(List<String> units) {
        if (units.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jdbc.sql("SELECT unit_id FROM unit_directory WHERE kind = :kind AND unit_id IN (:units)")
                .param("kind", UnitKind.DEPARTMENT.name())
                .param("units", units)
                .query(String.class)
                .list());
    }

    /** The appraisal recorded under {@code id}, or null. */
    private AnnualAppraisalRecordedEvent recorded(String id) {
        DomainEventStream stream = events.readEvents(id);
        while (stream.hasNext()) {
            DomainEventMessage<?> message = stream.next();
            if (message.getPayload() instanceof AnnualAppraisalRecordedEvent appraisal) {
                return appraisal;
            }
        }
        return null;
    }
}
