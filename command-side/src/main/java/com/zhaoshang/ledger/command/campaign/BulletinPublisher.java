package com.zhaoshang.ledger.command.campaign;

import com.zhaoshang.ledger.api.campaign.BulletinRanking;
import com.zhaoshang.ledger.api.campaign.FetchRankingQuery;
import com.zhaoshang.ledger.api.campaign.PublishBulletinCommand;
import com.zhaoshang.ledger.api.campaign.RecordBulletinCommand;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import static com.zhaoshang.ledger.api.ErrorCode.ALREADY_EXISTS;
import static com.zhaoshang.ledger.command.common.Refusal.of;

/**
 * Publishes a bulletin ({@link PublishBulletinCommand}, from an admin or the schedule): checks what is asked, takes the
 * publication instant from the clock, fetches the ranking as known then from the {@link RankingSource} — outside the
 * aggregate — and creates the {@link Bulletin} with those rows ({@link RecordBulletinCommand}). A bulletin id already
 * published is refused (ALREADY_EXISTS) before anything is fetched; the store's unique stream keeps a concurrent
 * second publication out as well.
 */
@Component
public class BulletinPublisher {

    private final Repository<Bulletin> bulletins;
    private final EventStore events;
    private final RankingSource rankings;
    private final Clock clock;

    public BulletinPublisher(@Qualifier("bulletinRepository") Repository<Bulletin> bulletins, EventStore events,
                             RankingSource rankings, Clock clock) {
        this.bulletins = bulletins;
        this.events = events;
        this.rankings = rankings;
        this.clock = clock;
    }

    @CommandHandler
    public String handle(PublishBulletinCommand command) throws Exception {
        BulletinRules.check(command);
        if (isPublished(command.bulletinId())) {
            throw of(ALREADY_EXISTS, "bulletin " + command.bulletinId() + " is published already");
        }
        Instant knownAt = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        BulletinRanking ranking = rankings.rankingAsKnownAt(new FetchRankingQuery(blankToNull(command.peerGroup()),
                blankToNull(command.campaignId()), command.from(), command.to(), knownAt));
        RecordBulletinCommand record = new RecordBulletinCommand(command.bulletinId(), command.kind(), command.title(),
                command.peerGroup(), command.campaignId(), command.from(), command.to(), ranking);
        bulletins.newInstance(() -> new Bulletin(record));
        return command.bulletinId();
    }

    /** Whether the bulletin's stream has events already (asked of the store, not by loading: no failure logged). */
    private boolean isPublished(String bulletinId) {
        try {
            return events.lastSequenceNumberFor(bulletinId).isPresent();
        } catch (AggregateNotFoundException none) {
            return false; // stores that answer "no such stream" by throwing (Axon's test fixture)
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
