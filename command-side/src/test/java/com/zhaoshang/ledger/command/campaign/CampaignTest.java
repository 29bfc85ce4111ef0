package com.zhaoshang.ledger.command.campaign;

import com.zhaoshang.ledger.api.ErrorCode;
import com.zhaoshang.ledger.api.campaign.CampaignDefinedEvent;
import com.zhaoshang.ledger.api.campaign.CampaignTarget;
import com.zhaoshang.ledger.api.campaign.DefineCampaignCommand;
import com.zhaoshang.ledger.api.campaign.Indicator;
import com.zhaoshang.ledger.api.campaign.TargetFilter;
import com.zhaoshang.ledger.api.value.Currency;
import com.zhaoshang.ledger.api.value.Money;
import com.zhaoshang.ledger.api.value.UnitId;
import com.zhaoshang.ledger.command.unit.InMemoryUnitDirectory;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static com.zhaoshang.ledger.api.campaign.Indicator.*;

class CampaignTest {

    private static final String ID = "cmp-1";
    private static final UnitId DISTRICT = new UnitId("360802");
    private static final LocalDate JULY_1 = LocalDate.of(2022, 7, 1);
    private static final LocalDate SEPT_30 = LocalDate.of(2022, 9, 30);
    private static final TargetFilter INDUSTRIAL_50M = new TargetFilter(true, Money.cny("50000000"));

    private FixtureConfiguration<Campaign> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Campaign.class);
        fixture.registerInjectableResource(new InMemoryUnitDirectory().with("360800").with("360802", "360800"));
    }

    private static CampaignTarget target(Indicator indicator, String value) {
        return new CampaignTarget(DISTRICT, indicator, null, new BigDecimal(value), null);
    }

    private static DefineCampaignCommand define(List<CampaignTarget> targets) {
        return new DefineCampaignCommand(ID, "百日会战", JULY_1, SEPT_30, targets);
    }

    private void expectRefusal(DefineCampaignCommand command, String messagePart) {
        fixture.givenNoPriorActivity()
                .when(command)
                .expectException(CommandExecutionException.class)
                .expectExceptionDetails(ErrorCode.RULE_VIOLATED)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString(messagePart))
                .expectNoEvents();
    }

    @Test
    void definesTheSeedCampaignWithCurrenciesResolved() {
        List<CampaignTarget> given = List.of(
                target(LEADS_COLLECTED, "358"),
                target(COMPANIES_VISITED, "720"),
                target(INVESTOR_INSPECTIONS, "192"),
                new CampaignTarget(DISTRICT, PROJECTS_SIGNED, INDUSTRIAL_50M, new BigDecimal("55"), null),
                target(CONSTRUCTION_STARTED, "26"),
                target(SIGNED_AMOUNT, "929000000"),
                target(CAPITAL_VERIFIED_CNY, "500000000"),
                new CampaignTarget(DISTRICT, CAPITAL_VERIFIED_USD, new TargetFilter(null, null), new BigDecimal("20000000"), Currency.USD));
        List<CampaignTarget> recorded = List.of(
                target(LEADS_COLLECTED, "358"),
                target(COMPANIES_VISITED, "720"),
                target(INVESTOR_INSPECTIONS, "192"),
                new CampaignTarget(DISTRICT, PROJECTS_SIGNED, INDUSTRIAL_50M, new BigDecimal("55"), null),
                target(CONSTRUCTION_STARTED, "26"),
                new CampaignTarget(DISTRICT, SIGNED_AMOUNT, null, new BigDecimal("929000000"), Currency.CNY),
                new CampaignTarget(DISTRICT, CAPITAL_VERIFIED_CNY, null, new BigDecimal("500000000"), Currency.CNY),
                new CampaignTarget(DISTRICT, CAPITAL_VERIFIED_USD, null, new BigDecimal("20000000"), Currency.USD));
        fixture.givenNoPriorActivity()
                .when(define(given))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new CampaignDefinedEvent(ID, "百日会战", JULY_1, SEPT_30, recorded));
    }

    @Test
    void aOneDayCampaignIsAllowed() {
        fixture.givenNoPriorActivity()
                .when(new DefineCampaignCommand(ID, " 突击旬 ", JULY_1, JULY_1, List.of(target(LEADS_COLLECTED, "1"))))
                .expectEvents(new CampaignDefinedEvent(ID, "突击旬", JULY_1, JULY_1, List.of(target(LEADS_COLLECTED, "1"))));
    }

    @Test
    void aCampaignMayBeTheYearsTargets() {
        LocalDate jan1 = LocalDate.of(2025, 1, 1);
        LocalDate dec31 = LocalDate.of(2025, 12, 31);
        fixture.givenNoPriorActivity()
                .when(new DefineCampaignCommand(ID, "2025年全年任务", jan1, dec31, List.of(target(LEADS_COLLECTED, "10")), true))
                .expectEvents(new CampaignDefinedEvent(ID, "2025年全年任务", jan1, dec31, List.of(target(LEADS_COLLECTED, "10")), true));
        fixture.givenNoPriorActivity()
                .when(new DefineCampaignCommand(ID, "2025年全年任务", jan1, dec31, List.of(target(LEADS_COLLECTED, "10")), false))
                .expectEvents(new CampaignDefinedEvent(ID, "2025年全年任务", jan1, dec31, List.of(target(LEADS_COLLECTED, "10"))));
    }

    @Test
    void signedAmountMayBeTargetedInDollars() {
        CampaignTarget usd = new CampaignTarget(DISTRICT, SIGNED_AMOUNT, null, new BigDecimal("1000000.50"), Currency.USD);
        fixture.givenNoPriorActivity()
                .when(define(List.of(usd, target(SIGNED_AMOUNT, "5000000"))))
                .expectEvents(new CampaignDefinedEvent(ID, "百日会战", JULY_1, SEPT_30, List.of(usd,
                        new CampaignTarget(DISTRICT, SIGNED_AMOUNT, null, new BigDecimal("5000000"), Currency.CNY))));
    }

    @Test
    void campaignNeedsAName() {
        expectRefusal(new DefineCampaignCommand(ID, "  ", JULY_1, SEPT_30, List.of(target(LEADS_COLLECTED, "1"))), "name");
        expectRefusal(new DefineCampaignCommand(ID, null, JULY_1, SEPT_30, List.of(target(LEADS_COLLECTED, "1"))), "name");
        expectRefusal(new DefineCampaignCommand(ID, "x".repeat(201), JULY_1, SEPT_30, List.of(target(LEADS_COLLECTED, "1"))), "200");
    }

    @Test
    void campaignCannotEndBeforeItStarts() {
        expectRefusal(new DefineCampaignCommand(ID, "百日会战", SEPT_30, JULY_1, List.of(target(LEADS_COLLECTED, "1"))), "before it starts");
        expectRefusal(new DefineCampaignCommand(ID, "百日会战", null, JULY_1, List.of(target(LEADS_COLLECTED, "1"))), "window");
    }

    @Test
    void campaignNeedsAtLeastOneTarget() {
        expectRefusal(define(List.of()), "at least one target");
        expectRefusal(define(null), "at least one target");
    }

    @Test
    void targetMustBePositive() {
        expectRefusal(define(List.of(target(LEADS_COLLECTED, "0"))), "positive");
        expectRefusal(define(List.of(target(CAPITAL_VERIFIED_CNY, "-1"))), "positive");
    }

    @Test
    void targetMustNameUnitIndicatorAndValue() {
        expectRefusal(define(List.of(new CampaignTarget(null, LEADS_COLLECTED, null, BigDecimal.ONE, null))), "unitId");
        expectRefusal(define(List.of(new CampaignTarget(DISTRICT, null, null, BigDecimal.ONE, null))), "indicator");
    }

    @Test
    void targetedUnitMustExist() {
        fixture.givenNoPriorActivity()
                .when(define(List.of(new CampaignTarget(new UnitId("360803"), LEADS_COLLECTED, null, BigDecimal.TEN, null))))
                .expectException(CommandExecutionException.class)
                .expectExceptionDetails(ErrorCode.UNKNOWN_REFERENCE)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("360803"))
                .expectNoEvents();
    }

    @Test
    void countTargetMustBeWhole() {
        expectRefusal(define(List.of(target(PROJECTS_SIGNED, "2.5"))), "whole number");
    }

    @Test
    void amountTargetHasAtMostTwoDecimals() {
        expectRefusal(define(List.of(target(SIGNED_AMOUNT, "1.005"))), "two decimals");
    }

    @Test
    void noDuplicateTargetForUnitIndicatorAndFilter() {
        expectRefusal(define(List.of(target(LEADS_COLLECTED, "10"), target(LEADS_COLLECTED, "20"))), "two targets");
        expectRefusal(define(List.of(
                new CampaignTarget(DISTRICT, PROJECTS_SIGNED, INDUSTRIAL_50M, BigDecimal.TEN, null),
                new CampaignTarget(DISTRICT, PROJECTS_SIGNED, new TargetFilter(true, Money.cny("50000000.00")), BigDecimal.ONE, null))), "two targets");
        // an empty filter is no filter
        expectRefusal(define(List.of(
                new CampaignTarget(DISTRICT, PROJECTS_SIGNED, TargetFilter.NONE, BigDecimal.TEN, null),
                target(PROJECTS_SIGNED, "3"))), "two targets");
    }

    @Test
    void sameIndicatorWithDifferentFiltersIsNotADuplicate() {
        CampaignTarget all = target(PROJECTS_SIGNED, "16");
        CampaignTarget industrial = new CampaignTarget(DISTRICT, PROJECTS_SIGNED, INDUSTRIAL_50M, new BigDecimal("55"), null);
        fixture.givenNoPriorActivity()
                .when(define(List.of(all, industrial)))
                .expectEvents(new CampaignDefinedEvent(ID, "百日会战", JULY_1, SEPT_30, List.of(all, industrial)));
    }

    @Test
    void countHasNoCurrency() {
        expectRefusal(define(List.of(new CampaignTarget(DISTRICT, LEADS_COLLECTED, null, BigDecimal.TEN, Currency.CNY))), "no currency");
    }

    @Test
    void verifiedCapitalCurrencyFollowsItsIndicator() {
        expectRefusal(define(List.of(new CampaignTarget(DISTRICT, CAPITAL_VERIFIED_CNY, null, BigDecimal.TEN, Currency.USD))), "never converted");
        expectRefusal(define(List.of(new CampaignTarget(DISTRICT, CAPITAL_VERIFIED_USD, null, BigDecimal.TEN, Currency.CNY))), "never converted");
    }

    @Test
    void filterMinimumOfAnAmountIsInTheTargetsCurrency() {
        expectRefusal(define(List.of(new CampaignTarget(DISTRICT, SIGNED_AMOUNT,
                new TargetFilter(true, Money.usd("1000000")), BigDecimal.TEN, null))), "never converted");
    }

    @Test
    void activitiesCannotBeFiltered() {
        expectRefusal(define(List.of(new CampaignTarget(DISTRICT, COMPANIES_VISITED,
                new TargetFilter(true, null), BigDecimal.TEN, null))), "activities");
    }

    @Test
    void filterMinimumMustBePositive() {
        expectRefusal(define(List.of(new CampaignTarget(DISTRICT, PROJECTS_SIGNED,
                new TargetFilter(null, Money.cny("0")), BigDecimal.TEN, null))), "minimum amount must be positive");
    }
}
