package com.zhaoshang.ledger.command.project;

import com.zhaoshang.ledger.api.project.*;
import com.zhaoshang.ledger.api.supervision.LateEntryFlaggedEvent;
import com.zhaoshang.ledger.api.supervision.ReportedVerifiedGapFlaggedEvent;
import com.zhaoshang.ledger.api.supervision.SupervisionRule;
import com.zhaoshang.ledger.api.value.Evidence;
import com.zhaoshang.ledger.api.value.Money;
import com.zhaoshang.ledger.command.supervision.SupervisionRules;
import com.zhaoshang.ledger.command.unit.InMemoryUnitDirectory;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import static com.zhaoshang.ledger.command.project.ProjectTestData.*;

/**
 * Rules 8 (防止水份, reported vs verified) and 9 (late entries) with their default parameters (20 %, 7 days): each
 * flag is applied in the same command as the fact it watches, on the first value past the threshold and not on the
 * threshold itself.
 */
class ProjectReportingRulesTest {

    private static final BigDecimal THRESHOLD = new BigDecimal("0.20");

    /** A fixture whose clock reads 10:00 Asia/Shanghai on {@code today}. */
    private static FixtureConfiguration<Project> fixtureOn(LocalDate today) {
        FixtureConfiguration<Project> fixture = new AggregateTestFixture<>(Project.class);
        fixture.registerInjectableResource(Clock.fixed(today.atTime(2, 0).toInstant(ZoneOffset.UTC), ZoneOffset.UTC));
        fixture.registerInjectableResource(SupervisionRules.defaults());
        fixture.registerAnnotatedCommandHandler(new LeadRegistration(fixture.getRepository(),
                new InMemoryUnitDirectory().with("360800").with("360802", "360800"), new InMemoryLeadClaims()));
        return fixture;
    }

    private static LateEntryFlaggedEvent late(String factType, LocalDate occurredOn, LocalDate recordedOn, long lag) {
        return new LateEntryFlaggedEvent(PROJECT, UNIT, SupervisionRule.LATE_ENTRY, factType, 7, occurredOn,
                recordedOn, lag);
    }

    @Test
    void aFactRecordedEightDaysAfterItHappenedIsFlaggedAsALateEntryWithIt() {
        LocalDate today = CONSTRUCTION_ON.plusDays(8);
        fixtureOn(today)
                .given(leadRegistered(), negotiationStarted(), intentSigned(), signed(), registered(), landAssigned())
                .when(new StartConstructionCommand(PROJECT, CONSTRUCTION_ON, null))
                .expectEvents(constructionStarted(), late("ConstructionStartedEvent", CONSTRUCTION_ON, today, 8))
                .expectResultMessagePayload(7L);
    }

    @Test
    void aFactRecordedSevenDaysAfterItHappenedIsNotLate() {
        fixtureOn(CONSTRUCTION_ON.plusDays(7))
                .given(leadRegistered(), negotiationStarted(), intentSigned(), signed(), registered(), landAssigned())
                .when(new StartConstructionCommand(PROJECT, CONSTRUCTION_ON, null))
                .expectEvents(constructionStarted());
    }

    @Test
    void aLeadRegisteredLateIsFlaggedToo() {
        LocalDate today = LEAD_ON.plusDays(30);
        fixtureOn(today)
                .givenNoPriorActivity()
                .when(registerLead())
                .expectEvents(leadRegistered(), late("LeadRegisteredEvent", LEAD_ON, today, 30));
    }

    @Test
    void aFactRecordedOnItsDayIsNeverLate() {
        fixtureOn(NEGOTIATION_ON)
                .given(leadRegistered())
                .when(new StartNegotiationCommand(PROJECT, NEGOTIATION_ON, null))
                .expectEvents(negotiationStarted());
    }

    @Test
    void aVerificationShortOfTheReportedAmountByMoreThanTwentyPercentIsFlagged() {
        LocalDate arrivedOn = LocalDate.of(2024, 6, 1);
        Evidence receipt = bankReceipt();
        fixtureOn(arrivedOn)
                .given(leadRegistered(), negotiationStarted(), intentSigned(), signed(),
                        capitalArrived("a-1", Money.cny("100000000"), arrivedOn))
                .when(new VerifyCapitalArrivalCommand(PROJECT, "a-1", Money.cny("79999999.99"), receipt, arrivedOn, null))
                .expectEvents(new CapitalVerifiedEvent(PROJECT, "a-1", Money.cny("100000000"),
                                Money.cny("79999999.99"), receipt, arrivedOn),
                        new ReportedVerifiedGapFlaggedEvent(PROJECT, UNIT, "a-1", SupervisionRule.REPORTED_VERIFIED_GAP,
                                THRESHOLD, Money.cny("100000000"), Money.cny("79999999.99"), new BigDecimal("0.2000"),
                                arrivedOn));
    }

    @Test
    void aGapOfExactlyTwentyPercentIsNotFlagged() {
        LocalDate arrivedOn = LocalDate.of(2024, 6, 1);
        fixtureOn(arrivedOn)
                .given(leadRegistered(), negotiationStarted(), intentSigned(), signed(),
                        capitalArrived("a-1", Money.usd("10000000"), arrivedOn))
                .when(new VerifyCapitalArrivalCommand(PROJECT, "a-1", Money.usd("8000000"), foreignExchangeRecord(),
                        arrivedOn, null))
                .expectEvents(new CapitalVerifiedEvent(PROJECT, "a-1", Money.usd("10000000"), Money.usd("8000000"),
                        foreignExchangeRecord(), arrivedOn));
    }

    @Test
    void aLateVerificationWithAGapIsFlaggedTwiceInOneCommand() {
        LocalDate arrivedOn = LocalDate.of(2024, 6, 1);
        LocalDate today = arrivedOn.plusDays(10);
        Evidence receipt = bankReceipt();
        fixtureOn(today)
                .given(leadRegistered(), negotiationStarted(), intentSigned(), signed(),
                        capitalArrived("a-1", Money.cny("50000000"), arrivedOn))
                .when(new VerifyCapitalArrivalCommand(PROJECT, "a-1", Money.cny("10000000"), receipt, arrivedOn, null))
                .expectEvents(new CapitalVerifiedEvent(PROJECT, "a-1", Money.cny("50000000"), Money.cny("10000000"),
                                receipt, arrivedOn),
                        new ReportedVerifiedGapFlaggedEvent(PROJECT, UNIT, "a-1", SupervisionRule.REPORTED_VERIFIED_GAP,
                                THRESHOLD, Money.cny("50000000"), Money.cny("10000000"), new BigDecimal("0.8000"),
                                arrivedOn),
                        late("CapitalVerifiedEvent", arrivedOn, today, 10))
                .expectResultMessagePayload(7L);
    }
}
