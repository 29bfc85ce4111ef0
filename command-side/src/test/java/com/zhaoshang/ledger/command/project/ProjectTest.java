package com.zhaoshang.ledger.command.project;

import com.zhaoshang.ledger.api.ErrorCode;
import com.zhaoshang.ledger.api.project.*;
import com.zhaoshang.ledger.api.value.*;
import com.zhaoshang.ledger.command.supervision.SupervisionRules;
import com.zhaoshang.ledger.command.unit.InMemoryUnitDirectory;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import static com.zhaoshang.ledger.command.project.ProjectTestData.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;

/** One fixture test per rule of {@link Project}, refusals included. */
class ProjectTest {

    private FixtureConfiguration<Project> fixture;
    private InMemoryUnitDirectory units;
    private InMemoryLeadClaims claims;

    @BeforeEach
    void setUp() {
        fixture = newFixture(CLOCK);
    }

    private FixtureConfiguration<Project> newFixture(Clock clock) {
        FixtureConfiguration<Project> f = new AggregateTestFixture<>(Project.class);
        f.registerInjectableResource(clock);
        f.registerInjectableResource(RULES);
        units = new InMemoryUnitDirectory().with("360800").with("360802", "360800").with("360821", "360800");
        claims = new InMemoryLeadClaims();
        f.registerAnnotatedCommandHandler(new LeadRegistration(f.getRepository(), units, claims));
        return f;
    }

    @Nested
    class LeadRegistrationRules {

        @Test
        void registeringALeadCreatesTheProjectInStageLead() {
            fixture.givenNoPriorActivity()
                    .when(registerLead())
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(leadRegistered())
                    .expectResultMessagePayload(PROJECT);
            assertThat(claims.ownerOf(CREDIT_CODE, INDUSTRY)).contains(new LeadClaims.Claim(PROJECT, UNIT));
        }

        @Test
        void leadOfAnUnknownUnitIsRefused() {
            fixture.givenNoPriorActivity()
                    .when(registerLead(PROJECT, new UnitId("360899"), INVESTOR))
                    .expectException(CommandExecutionException.class)
                    .expectExceptionDetails(ErrorCode.UNKNOWN_REFERENCE)
                    .expectExceptionMessage(containsString("360899"))
                    .expectNoEvents();
        }

        @Test
        void leadAlreadyOwnedByAnotherUnitsProjectIsRefusedNamingTheOwner() {
            claims.claim(CREDIT_CODE, INDUSTRY, "county-project-7", OTHER_UNIT);
            fixture.givenNoPriorActivity()
                    .when(registerLead())
                    .expectException(CommandExecutionException.class)
                    .expectExceptionDetails(ErrorCode.ALREADY_EXISTS)
                    .expectExceptionMessage(allOf(containsString("county-project-7"), containsString("360821")))
                    .expectNoEvents();
        }

        @Test
        void theSameInvestorInAnotherIndustryIsANewLead() {
            claims.claim(CREDIT_CODE, IndustryCode.of("C3012"), "county-project-7", OTHER_UNIT);
            fixture.givenNoPriorActivity()
                    .when(registerLead())
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(leadRegistered());
        }

        @Test
        void leadsWithoutACreditCodeAreNotClaimed() {
            Investor withoutCode = new Investor("某民营企业", null, null, InvestorKind.PRIVATE);
            fixture.givenNoPriorActivity()
                    .when(registerLead(PROJECT, UNIT, withoutCode))
                    .expectSuccessfulHandlerExecution();
            assertThat(claims.size()).isZero();
        }

        @Test
        void leadNameMustNotBeBlank() {
            RegisterLeadCommand blank = new RegisterLeadCommand(PROJECT, "  ", UNIT, INVESTOR, INDUSTRY,
                    Channel.FAIR, null, LEAD_ON);
            fixture.givenNoPriorActivity()
                    .when(blank)
                    .expectException(CommandExecutionException.class)
                    .expectExceptionDetails(ErrorCode.RULE_VIOLATED)
                    .expectExceptionMessage(containsString("project name"))
                    .expectNoEvents();
            assertThat(claims.size()).isZero();
        }

        @Test
        void leadNameHasAtMost200Characters() {
            RegisterLeadCommand longName = new RegisterLeadCommand(PROJECT, "项".repeat(201), UNIT, INVESTOR,
                    INDUSTRY, Channel.FAIR, null, LEAD_ON);
            fixture.givenNoPriorActivity()
                    .when(longName)
                    .expectException(CommandExecutionException.class)
                    .expectExceptionDetails(ErrorCode.RULE_VIOLATED)
                    .expectExceptionMessage(containsString("at most 200"));
        }

        @Test
        void anOverseasInvestorMustNameItsCountry() {
            Investor foreign = new Investor("Alpha Pte Ltd", null, null, InvestorKind.FOREIGN);
            fixture.givenNoPriorActivity()
                    .when(registerLead(PROJECT, UNIT, foreign))
                    .expectException(CommandExecutionException.class)
                    .expectExceptionDetails(ErrorCode.RULE_VIOLATED)
                    .expectExceptionMessage(containsString("country"));
        }

        @Test
        void anOverseasCountryIsAnUpperCaseIsoCode() {
            Investor lowerCase = new Investor("Alpha Pte Ltd", null, "sg", InvestorKind.FOREIGN);
            fixture.givenNoPriorActivity()
                    .when(registerLead(PROJECT, UNIT, lowerCase))
                    .expectException(CommandExecutionException.class)
                    .expectExceptionDetails(ErrorCode.RULE_VIOLATED);
            Investor unknown = new Investor("Alpha Ltd", null, "XX", InvestorKind.FOREIGN);
            fixture.givenNoPriorActivity()
                    .when(registerLead(PROJECT, UNIT, unknown))
                    .expectException(CommandExecutionException.class)
                    .expectExceptionDetails(ErrorCode.RULE_VIOLATED);
        }

        @Test
        void anOverseasInvestorWithItsCountryIsAccepted() {
            Investor singapore = new Investor("Alpha Pte Ltd", null, "SG", InvestorKind.FOREIGN);
            RegisterLeadCommand command = registerLead(PROJECT, UNIT, singapore);
            fixture.givenNoPriorActivity()
                    .when(command)
                    .expectEvents(new LeadRegisteredEvent(PROJECT, command.projectName(), UNIT, singapore, INDUSTRY,
                            Channel.DOOR_TO_DOOR, Money.cny("500000000"), LEAD_ON));
        }

        @Test
        void aHongKongMacaoTaiwanInvestorIsFromHkMoOrTw() {
            Investor wrong = new Investor("Beta Holdings", null, "SG", InvestorKind.HK_MACAO_TAIWAN);
            fixture.givenNoPriorActivity()
                    .when(registerLead(PROJECT, UNIT, wrong))
                    .expectException(CommandExecutionException.class)
                    .expectExceptionDetails(ErrorCode.RULE_VIOLATED)
                    .expectExceptionMessage(containsString("HK, MO or TW"));
        }

        @Test
        void aDomesticInvestorIsFromChina() {
            Investor wrong = new Investor("阿尔法新材料有限公司", CREDIT_CODE, "US", InvestorKind.PRIVATE);
            fixture.givenNoPriorActivity()
                    .when(registerLead(PROJECT, UNIT, wrong))
                    .expectException(CommandExecutionException.class)
                    .expectExceptionDetails(ErrorCode.RULE_VIOLATED);
        }

        @Test
        void anIntendedAmountMustBePositive() {
            RegisterLeadCommand zero = new RegisterLeadCommand(PROJECT, "项目", UNIT, INVESTOR, INDUSTRY,
                    Channel.FAIR, Money.cny("0"), LEAD_ON);
            fixture.givenNoPriorActivity()
                    .when(zero)
                    .expectException(CommandExecutionException.class)
                    .expectExceptionDetails(ErrorCode.RULE_VIOLATED)
                    .expectExceptionMessage(containsString("intendedAmount"));
        }

        @Test
        void anIndustryIsRequired() {
            RegisterLeadCommand noIndustry = new RegisterLeadCommand(PROJECT, "项目", UNIT, INVESTOR, null,
                    Channel.FAIR, null, LEAD_ON);
            fixture.givenNoPriorActivity()
                    .when(noIndustry)
                    .expectException(CommandExecutionException.class)
                    .expectExceptionDetails(ErrorCode.RULE_VIOLATED)
                    .expectExceptionMessage(containsString("industryCode"));
        }

        @Test
        void aLeadDatedInTheFutureIsRefused() {
            RegisterLeadCommand future = new RegisterLeadCommand(PROJECT, "项目", UNIT, INVESTOR, INDUSTRY,
                    Channel.FAIR, null, TODAY.plusDays(1));
            fixture.givenNoPriorActivity()
                    .when(future)
                    .expectException(CommandExecutionException.class)
                    .expectExceptionDetails(ErrorCode.RULE_VIOLATED)
                    .expectNoEvents();
            assertThat(claims.size()).isZero();
        }
    }

    @Nested
    class StageRules {

        @Test
        void negotiationStartsFromALeadAndAnswersTheNewVersion() {
            fixture.given(leadRegistered())
                    .when(new StartNegotiationCommand(PROJECT, NEGOTIATION_ON, null))
                    .expectEvents(negotiationStarted())
                    .expectResultMessagePayload(1L);
        }

        @Test
        void cannotStartNegotiationTwice() {
            fixture.given(leadRegistered(), negotiationStarted())
                    .when(new StartNegotiationCommand(PROJECT, INTENT_ON, null))
                    .expectException(CommandExecutionException.class)
                    .expectExceptionDetails(ErrorCode.ILLEGAL_TRANSITION)
                    .expectExceptionMessage(allOf(containsString("NEGOTIATING"), containsString("only from LEAD")))
                    .expectNoEvents();
        }

        @Test
        void anIntentAgreementMaySkipNegotiation() {
            fixture.given(leadRegistered())
                    .when(new SignIntentAgreementCommand(PROJECT, Money.cny("480000000"), INTENT_ON, null))
                    .expectEvents(intentSigned())
                    .expectResultMessagePayload(1L);
        }

        @Test
        void anIntentAgreementFollowsNegotiation() {
            fixture.given(leadRegistered(), negotiationStarted())
                    .when(new SignIntentAgreementCommand(PROJECT, Money.cny("480000000"), INTENT_ON, null))
                    .expectEvents(intentSigned())
                    .expectResultMessagePayload(2L);
        }

        @Test
        void anIntentAmountMustBePositive() {
            fixture.given(leadRegistered())
                    .when(new SignIntentAgreementCommand(PROJECT, Money.cny("-1"), INTENT_ON, null))
                    .expectException(CommandExecutionException.class)
                    .expectExceptionDetails(ErrorCode.RULE_VIOLATED)
                    .expectNoEvents();
        }

        @Test
        void cannotSignAnIntentAgreementAfterTheContract() {
            fixture.given(leadRegistered(), signed())
                    .when(new SignIntentAgreementCommand(PROJECT, Money.cny("1"), TODAY, null))
                    .expectException(CommandExecutionException.class)
                    .expectExceptionDetails(ErrorCode.ILLEGAL_TRANSITION)
                    .expectExceptionMessage(containsString("SIGNED"));
        }

        @Test
        void cannotAssignLandBeforeSigning() {
            fixture.given(leadRegistered(), intentSigned())
                    .when(new AssignLandCommand(PROJECT, "JA2024-017", new BigDecimal("120.5"), LAND_ON, null))
                    .expectException(CommandExecutionException.class)
                    .expectExceptionDetails(ErrorCode.ILLEGAL_TRANSITION)
                    .expectExceptionMessage(allOf(containsString("INTENT"), containsString("SIGNED, REGISTERED")));
        }

        @Test
        void landIsAssignedAfterRegistration() {
            fixture.given(leadRegistered(), signed(), registered())
                    .when(new AssignLandCommand(PROJECT, "JA2024-017", new BigDecimal("120.5"), LAND_ON, null))
                    .expectEvents(landAssigned())
                    .expectResultMessagePayload(3L);
        }

        @Test
        void landIsAssignedOnlyOnce() {
            fixture.given(leadRegistered(), signed(), landAssigned())
                    .when(new AssignLandCommand(PROJECT, "JA2024-018", BigDecimal.TEN, TODAY, null))
                    .expectException(CommandExecutionException.class)
                    .expectExceptionDetails(ErrorCode.ILLEGAL_TRANSITION)
                    .expectExceptionMessage(containsString("LAND_ASSIGNED"));
        }

        @Test
        void cannotStartConstructionBeforeSigning() {
            fixture.given(leadRegistered(), negotiationStarted(), intentSigned())
                    .when(new StartConstructionCommand(PROJECT, CONSTRUCTION_ON, null))
                    .expectException(CommandExecutionException.class)
                    .expectExceptionDetails(ErrorCode.ILLEGAL_TRANSITION)
                    .expectExceptionMessage(allOf(containsString("INTENT"),
                            containsString("SIGNED, REGISTERED, LAND_ASSIGNED")))
                    .expectNoEvents();
        }

        @Test
        void constructionMayStartRightAfterSigning() {
            fixture.given(leadRegistered(), signed())
                    .when(new StartConstructionCommand(PROJECT, CONSTRUCTION_ON, null))
                    .expectEvents(constructionStarted())
                    .expectResultMessagePayload(2L);
        }

        @Test
        void constructionStartsOnAssignedLand() {
            fixture.given(leadRegistered(), signed(), landAssigned())
                    .when(new StartConstructionCommand(PROJECT, CONSTRUCTION_ON, null))
                    .expectEvents(constructionStarted());
        }

        @Test
        void cannotCompleteConstructionThatNeverStarted() {
            fixture.given(leadRegistered(), signed(), landAssigned())
                    .when(new CompleteConstructionCommand(PROJECT, COMPLETED_ON, null))
                    .expectException(CommandExecutionException.class)
                    .expectExceptionDetails(ErrorCode.ILLEGAL_TRANSITION)
                    .expectExceptionMessage(containsString("only from UNDER_CONSTRUCTION"));
        }

        @Test
        void constructionIsCompletedOnceStarted() {
            fixture.given(leadRegistered(), signed(), constructionStarted())
                    .when(new CompleteConstructionCommand(PROJECT, COMPLETED_ON, null))
                    .expectEvents(constructionCompleted());
        }

        @Test
        void productionStartsAfterCompletion() {
            fixture.given(leadRegistered(), signed(), constructionStarted(), constructionCompleted())
                    .when(new StartProductionCommand(PROJECT, PRODUCTION_ON, null))
                    .expectEvents(productionStarted())
                    .expectResultMessagePayload(4L);
        }

        @Test
        void productionMayStartBeforeFormalCompletion() {
            fixture.given(leadRegistered(), signed(), constructionStarted())
                    .when(new StartProductionCommand(PROJECT, PRODUCTION_ON, null))
                    .expectEvents(productionStarted());
        }

        @Test
        void cannotStartProductionBeforeConstruction() {
            fixture.given(leadRegistered(), signed(), landAssigned())
                    .when(new StartProductionCommand(PROJECT, PRODUCTION_ON, null))
                    .expectException(CommandExecutionException.class)
                    .expectExceptionDetails(ErrorCode.ILLEGAL_TRANSITION)
                    .expectExceptionMessage(containsString("UNDER_CONSTRUCTION, COMPLETED"));
        }

        @Test
        void landMustBeANamedParcel() {
            fixture.given(leadRegistered(), signed())
                    .when(new AssignLandCommand(PROJECT, " ", BigDecimal.TEN, LAND_ON, null))
                    .expectException(CommandExecutionException.class)
                    .expectExceptionDetails(ErrorCode.RULE_VIOLATED)
                    .expectExceptionMessage(containsString("parcelId"));
        }

        @Test
        void landAreaMustBePositive() {
            fixture.given(leadRegistered(), signed())
                    .when(new AssignLandCommand(PROJECT, "JA2024-017", BigDecimal.ZERO, LAND_ON, null))
                    .expectException(CommandExecutionException.class)
                    .expectExceptionDetails(ErrorCode.RULE_VIOLATED)
                    .expectExceptionMessage(containsString("areaMu must be positive"));
        }

        @Test
        void landAreaHasAtMostFourDecimals() {
            fixture.given(leadRegistered(), signed())
                    .when(new AssignLandCommand(PROJECT, "JA2024-017", new BigDecimal("12.12345"), LAND_ON, null))
                    .expectException(CommandExecutionException.class)
                    .expectExceptionDetails(ErrorCode.RULE_VIOLATED)
                    .expectExceptionMessage(containsString("4 decimals"));
        }
    }

    @Nested
    class SigningRules {

        @Test
        void signingAfterAnIntentAgreementIsTheOneSigning() {
            fixture.given(leadRegistered(), intentSigned())
                    .when(new SignProjectCommand(PROJECT, Money.cny("450000000"), CEREMONY, LEADER, SIGNED_ON, null))
                    .expectEvents(signed())
                    .expectResultMessagePayload(2L);
        }

        @Test
        void aLeadMayBeSignedDirectly() {
            fixture.given(leadRegistered())
                    .when(new SignProjectCommand(PROJECT, Money.cny("450000000"), CEREMONY, LEADER, SIGNED_ON, null))
                    .expectEvents(signed());
        }

        @Test
        void signingRequiresAPositiveContractAmount() {
            fixture.given(leadRegistered())
                    .when(new SignProjectCommand(PROJECT, Money.cny("0"), CEREMONY, LEADER, SIGNED_ON, null))
                    .expectException(CommandExecutionException.class)
                    .expectExceptionDetails(ErrorCode.RULE_VIOLATED)
                    .expectExceptionMessage(containsString("contractAmount"))
                    .expectNoEvents();
        }

        @Test
        void signingRequiresAContractAmount() {
            fixture.given(leadRegistered())
                    .when(new SignProjectCommand(PROJECT, null, CEREMONY, LEADER, SIGNED_ON, null))
                    .expectException(CommandExecutionException.class)
                    .expectExceptionDetails(ErrorCode.RULE_VIOLATED)
                    .expectExceptionMessage(containsString("contractAmount"));
        }

        @Test
        void signingRequiresAResponsibleLeader() {
            fixture.given(leadRegistered())
                    .when(new SignProjectCommand(PROJECT, Money.cny("450000000"), CEREMONY, null, SIGNED_ON, null))
                    .expectException(CommandExecutionException.class)
                    .expectExceptionDetails(ErrorCode.RULE_VIOLATED)
                    .expectExceptionMessage(containsString("responsibleLeader"));
        }

        @Test
        void presentingASignedProjectAtAnotherCeremonyNeverCountsTwice() {
            fixture.given(leadRegistered(), signed(), constructionStarted())
                    .when(new SignProjectCommand(PROJECT, Money.cny("450000000"), "2024年夏季签约会", LEADER, TODAY, null))
                    .expectEvents(new ProjectPresentedAtCeremonyEvent(PROJECT, "2024年夏季签约会", TODAY))
                    .expectResultMessagePayload(3L);
        }

        @Test
        void aSecondSigningWithoutAnotherCeremonyIsRefused() {
            fixture.given(leadRegistered(), signed())
                    .when(new SignProjectCommand(PROJECT, Money.cny("450000000"), null, LEADER, TODAY, null))
                    .expectException(CommandExecutionException.class)
                    .expectExceptionDetails(ErrorCode.ILLEGAL_TRANSITION)
                    .expectExceptionMessage(allOf(containsString("SIGNED"), containsString("never counts")))
                    .expectNoEvents();
        }

        @Test
        void signingAgainAtTheSigningCeremonyIsRefused() {
            fixture.given(leadRegistered(), signed())
                    .when(new SignProjectCommand(PROJECT, Money.cny("450000000"), CEREMONY, LEADER, TODAY, null))
                    .expectException(CommandExecutionException.class)
                    .expectExceptionDetails(ErrorCode.ILLEGAL_TRANSITION);
        }

        @Test
        void aProjectIsPresentedOnlyOnceAtACeremony() {
            fixture.given(leadRegistered(), signed(),
                            new ProjectPresentedAtCeremonyEvent(PROJECT, "2024年夏季签约会", TODAY))
                    .when(new SignProjectCommand(PROJECT, Money.cny("450000000"), "2024年夏季签约会", LEADER, TODAY, null))
                    .expectException(CommandExecutionException.class)
                    .expectExceptionDetails(ErrorCode.ILLEGAL_TRANSITION)
                    .expectExceptionMessage(containsString("already presented"));
        }

        @Test
        void aPresentationCannotPrecedeTheSigning() {
            fixture.given(leadRegistered(), signed())
                    .when(new SignProjectCommand(PROJECT, Money.cny("450000000"), "2024年冬季签约会", LEADER,
                            SIGNED_ON.minusDays(1), null))
                    .expectException(CommandExecutionException.class)
                    .expectExceptionDetails(ErrorCode.RULE_VIOLATED)
                    .expectExceptionMessage(containsString("signing"));
        }
    }

    @Nested
    class RegistrationRules {

        @Test
        void registeringASignedProjectMovesItToRegistered() {
            fixture.given(leadRegistered(), signed())
                    .when(new RegisterProjectCommand(PROJECT, contractDocuments(), REGISTERED_ON, null))
                    .expectEvents(registered())
                    .expectResultMessagePayload(2L);
        }

        @Test
        void registeringAProjectUnderConstructionOnlySetsTheFlag() {
            fixture.given(leadRegistered(), signed(), constructionStarted())
                    .when(new RegisterProjectCommand(PROJECT, contractDocuments(), REGISTERED_ON, null))
                    .expectEvents(registered());
            // the stage is still UNDER_CONSTRUCTION: completion is allowed only from there
            fixture.given(leadRegistered(), signed(), constructionStarted(), registered())
                    .when(new CompleteConstructionCommand(PROJECT, COMPLETED_ON, null))
                    .expectEvents(constructionCompleted());
        }

        @Test
        void cannotRegisterBeforeSigning() {
            fixture.given(leadRegistered(), intentSigned())
                    .when(new RegisterProjectCommand(PROJECT, contractDocuments(), TODAY, null))
                    .expectException(CommandExecutionException.class)
                    .expectExceptionDetails(ErrorCode.ILLEGAL_TRANSITION)
                    .expectExceptionMessage(containsString("INTENT"));
        }

        @Test
        void registrationHappensOnce() {
            fixture.given(leadRegistered(), signed(), constructionStarted(), registered())
                    .when(new RegisterProjectCommand(PROJECT, contractDocuments(), TODAY, null))
                    .expectException(CommandExecutionException.class)
                    .expectExceptionDetails(ErrorCode.ILLEGAL_TRANSITION)
                    .expectExceptionMessage(containsString("registered already"));
        }

        @Test
        void registrationRequiresEvidence() {
            fixture.given(leadRegistered(), signed())
                    .when(new RegisterProjectCommand(PROJECT, null, REGISTERED_ON, null))
                    .expectException(CommandExecutionException.class)
                    .expectExceptionDetails(ErrorCode.RULE_VIOLATED)
                    .expectExceptionMessage(containsString("evidence"));
        }

        @Test
        void registrationCannotPrecedeTheSigning() {
            fixture.given(leadRegistered(), signed(), constructionStarted())
                    .when(new RegisterProjectCommand(PROJECT, contractDocuments(), SIGNED_ON.minusDays(1), null))
                    .expectException(CommandExecutionException.class)
                    .expectExceptionDetails(ErrorCode.RULE_VIOLATED);
        }
    }

    @Nested
    class CapitalRules {

        @Test
        void capitalArrivesAfterSigning() {
            fixture.given(leadRegistered(), signed())
                    .when(new RecordCapitalArrivalCommand(PROJECT, "a-1", Money.cny("100000000"), false, TODAY, null))
                    .expectEvents(capitalArrived("a-1", Money.cny("100000000"), TODAY))
                    .expectResultMessagePayload(2L);
        }

        @Test
        void capitalCannotArriveBeforeSigning() {
            fixture.given(leadRegistered(), intentSigned())
                    .when(new RecordCapitalArrivalCommand(PROJECT, "a-1", Money.cny("100000000"), false, TODAY, null))
                    .expectException(CommandExecutionException.class)
                    .expectExceptionDetails(ErrorCode.ILLEGAL_TRANSITION)
                    .expectExceptionMessage(containsString("INTENT"))
                    .expectNoEvents();
        }

        @Test
        void anArrivalMustBePositive() {
            fixture.given(leadRegistered(), signed())
                    .when(new RecordCapitalArrivalCommand(PROJECT, "a-1", Money.cny("0"), false, TODAY, null))
                    .expectException(CommandExecutionException.class)
                    .expectExceptionDetails(ErrorCode.RULE_VIOLATED);
        }

        @Test
        void anArrivalIdIsUsedOnce() {
            fixture.given(leadRegistered(), signed(), capitalArrived("a-1", Money.cny("100"), CONSTRUCTION_ON))
                    .when(new RecordCapitalArrivalCommand(PROJECT, "a-1", Money.cny("200"), false, TODAY, null))
                    .expectException(CommandExecutionException.class)
                    .expectExceptionDetails(ErrorCode.ALREADY_EXISTS)
                    .expectExceptionMessage(containsString("a-1"));
        }

        @Test
        void anArrivalCannotPrecedeTheSigning() {
            fixture.given(leadRegistered(), signed())
                    .when(new RecordCapitalArrivalCommand(PROJECT, "a-1", Money.cny("100"), false,
                            SIGNED_ON.minusDays(1), null))
                    .expectException(CommandExecutionException.class)
                    .expectExceptionDetails(ErrorCode.RULE_VIOLATED)
                    .expectExceptionMessage(containsString("signing"));
        }

        @Test
        void anArrivalReportedLateMayPrecedeALaterMilestone() {
            fixture.given(leadRegistered(), signed(), constructionStarted())
                    .when(new RecordCapitalArrivalCommand(PROJECT, "a-1", Money.cny("100"), false, REGISTERED_ON, null))
                    .expectEvents(capitalArrived("a-1", Money.cny("100"), REGISTERED_ON));
        }

        @Test
        void verificationMayCutTheReportedAmountAndCarriesIt() {
            fixture.given(leadRegistered(), signed(), capitalArrived("a-1", Money.cny("100000000"), CONSTRUCTION_ON))
                    .when(new VerifyCapitalArrivalCommand(PROJECT, "a-1", Money.cny("80000000"), bankReceipt(), TODAY, null))
                    .expectEvents(new CapitalVerifiedEvent(PROJECT, "a-1", Money.cny("100000000"),
                            Money.cny("80000000"), bankReceipt(), TODAY))
                    .expectResultMessagePayload(3L);
        }

        @Test
        void verificationCannotExceedTheReportedAmount() {
            fixture.given(leadRegistered(), signed(), capitalArrived("a-1", Money.cny("100000000"), CONSTRUCTION_ON))
                    .when(new VerifyCapitalArrivalCommand(PROJECT, "a-1", Money.cny("100000000.01"), bankReceipt(), TODAY, null))
                    .expectException(CommandExecutionException.class)
                    .expectExceptionDetails(ErrorCode.RULE_VIOLATED)
                    .expectExceptionMessage(containsString("exceeds"))
                    .expectNoEvents();
        }

        @Test
        void verificationMustBePositive() {
            fixture.given(leadRegistered(), signed(), capitalArrived("a-1", Money.cny("100"), CONSTRUCTION_ON))
                    .when(new VerifyCapitalArrivalCommand(PROJECT, "a-1", Money.cny("0"), bankReceipt(), TODAY, null))
                    .expectException(CommandExecutionException.class)
                    .expectExceptionDetails(ErrorCode.RULE_VIOLATED);
        }

        @Test
        void verificationIsInTheReportedCurrency() {
            fixture.given(leadRegistered(), signed(), capitalArrived("a-1", Money.usd("1000000"), CONSTRUCTION_ON))
                    .when(new VerifyCapitalArrivalCommand(PROJECT, "a-1", Money.cny("1000000"), bankReceipt(), TODAY, null))
                    .expectException(CommandExecutionException.class)
                    .expectExceptionDetails(ErrorCode.RULE_VIOLATED)
                    .expectExceptionMessage(containsString("never converted"));
        }

        @Test
        void evidenceMustProveCapitalInTheReportedCurrency() {
            fixture.given(leadRegistered(), signed(), capitalArrived("a-1", Money.usd("1000000"), CONSTRUCTION_ON))
                    .when(new VerifyCapitalArrivalCommand(PROJECT, "a-1", Money.usd("1000000"), bankReceipt(), TODAY, null))
                    .expectException(CommandExecutionException.class)
                    .expectExceptionDetails(ErrorCode.RULE_VIOLATED)
                    .expectExceptionMessage(allOf(containsString("BANK_RECEIPT"), containsString("USD")));
        }

        @Test
        void foreignCapitalIsVerifiedOnForeignExchangeRecords() {
            fixture.given(leadRegistered(), signed(), capitalArrived("a-1", Money.usd("1000000"), CONSTRUCTION_ON))
                    .when(new VerifyCapitalArrivalCommand(PROJECT, "a-1", Money.usd("1000000"), foreignExchangeRecord(), TODAY, null))
                    .expectEvents(new CapitalVerifiedEvent(PROJECT, "a-1", Money.usd("1000000"), Money.usd("1000000"),
                            foreignExchangeRecord(), TODAY));
        }

        @Test
        void verifyingAnUnknownArrivalIsRefused() {
            fixture.given(leadRegistered(), signed())
                    .when(new VerifyCapitalArrivalCommand(PROJECT, "a-9", Money.cny("1"), bankReceipt(), TODAY, null))
                    .expectException(CommandExecutionException.class)
                    .expectExceptionDetails(ErrorCode.UNKNOWN_REFERENCE)
                    .expectExceptionMessage(containsString("a-9"));
        }

        @Test
        void anArrivalIsVerifiedOnce() {
            fixture.given(leadRegistered(), signed(), capitalArrived("a-1", Money.cny("100"), CONSTRUCTION_ON),
                            new CapitalVerifiedEvent(PROJECT, "a-1", Money.cny("100"), Money.cny("90"), bankReceipt(), COMPLETED_ON))
                    .when(new VerifyCapitalArrivalCommand(PROJECT, "a-1", Money.cny("100"), bankReceipt(), TODAY, null))
                    .expectException(CommandExecutionException.class)
                    .expectExceptionDetails(ErrorCode.ILLEGAL_TRANSITION)
                    .expectExceptionMessage(containsString("verified already"));
        }

        @Test
        void anArrivalIdIsUsedOnceEvenAfterItsVerification() {
            fixture.given(leadRegistered(), signed(), capitalArrived("a-1", Money.cny("100"), CONSTRUCTION_ON),
                            new CapitalVerifiedEvent(PROJECT, "a-1", Money.cny("100"), Money.cny("100"), bankReceipt(), COMPLETED_ON))
                    .when(new RecordCapitalArrivalCommand(PROJECT, "a-1", Money.cny("200"), false, TODAY, null))
                    .expectException(CommandExecutionException.class)
                    .expectExceptionDetails(ErrorCode.ALREADY_EXISTS)
                    .expectNoEvents();
        }

        @Test
        void anArrivalAmongManyIsVerifiedAgainstItsOwnReport() {
            // ids may hold any character, the separators of the arrivals' compact form included
            fixture.given(leadRegistered(), signed(), capitalArrived("7:a;1\n", Money.cny("100.50"), CONSTRUCTION_ON),
                            capitalArrived("b", Money.usd("300"), CONSTRUCTION_ON.plusDays(1)),
                            capitalArrived("c", Money.cny("50"), CONSTRUCTION_ON.plusDays(2)),
                            new CapitalVerifiedEvent(PROJECT, "c", Money.cny("50"), Money.cny("50"), bankReceipt(), COMPLETED_ON))
                    .when(new VerifyCapitalArrivalCommand(PROJECT, "7:a;1\n", Money.cny("100.5"), bankReceipt(), TODAY, null))
                    .expectEvents(new CapitalVerifiedEvent(PROJECT, "7:a;1\n", Money.cny("100.50"), Money.cny("100.5"),
                            bankReceipt(), TODAY));
        }

        @Test
        void verificationIsAllowedAfterTheProjectEnded() {
            fixture.given(leadRegistered(), signed(), capitalArrived("a-1", Money.cny("100"), CONSTRUCTION_ON),
                            terminated(COMPLETED_ON))
                    .when(new VerifyCapitalArrivalCommand(PROJECT, "a-1", Money.cny("100"), bankReceipt(), TODAY, null))
                    .expectEvents(new CapitalVerifiedEvent(PROJECT, "a-1", Money.cny("100"), Money.cny("100"),
                            bankReceipt(), TODAY));
        }

        @Test
        void verificationCannotPrecedeItsArrival() {
            fixture.given(leadRegistered(), signed(), capitalArrived("a-1", Money.cny("100"), CONSTRUCTION_ON))
                    .when(new VerifyCapitalArrivalCommand(PROJECT, "a-1", Money.cny("100"), bankReceipt(),
                            CONSTRUCTION_ON.minusDays(1), null))
                    .expectException(CommandExecutionException.class)
                    .expectExceptionDetails(ErrorCode.RULE_VIOLATED);
        }

        @Test
        void verificationRequiresEvidence() {
            fixture.given(leadRegistered(), signed(), capitalArrived("a-1", Money.cny("100"), CONSTRUCTION_ON))
                    .when(new VerifyCapitalArrivalCommand(PROJECT, "a-1", Money.cny("100"), null, TODAY, null))
                    .expectException(CommandExecutionException.class)
                    .expectExceptionDetails(ErrorCode.RULE_VIOLATED)
                    .expectExceptionMessage(containsString("evidence"));
        }
    }

    @Nested
    class EndingRules {

        @Test
        void aLeadIsAbandoned() {
            fixture.given(leadRegistered(), negotiationStarted())
                    .when(new AbandonProjectCommand(PROJECT, "投资方转向外省", TODAY, null))
                    .expectEvents(abandoned(TODAY))
                    .expectResultMessagePayload(2L);
        }

        @Test
        void cannotAbandonASignedProject() {
            fixture.given(leadRegistered(), signed())
                    .when(new AbandonProjectCommand(PROJECT, "不想做了", TODAY, null))
                    .expectException(CommandExecutionException.class)
                    .expectExceptionDetails(ErrorCode.ILLEGAL_TRANSITION)
                    .expectExceptionMessage(containsString("LEAD, NEGOTIATING, INTENT"));
        }

        @Test
        void aSignedContractIsTerminated() {
            fixture.given(leadRegistered(), signed(), landAssigned(), constructionStarted(), constructionCompleted())
                    .when(new TerminateContractCommand(PROJECT, "投资方资金链断裂, 未履约", TODAY, null))
                    .expectEvents(terminated(TODAY));
        }

        @Test
        void cannotTerminateAContractBeforeSigning() {
            fixture.given(leadRegistered(), intentSigned())
                    .when(new TerminateContractCommand(PROJECT, "未履约", TODAY, null))
                    .expectException(CommandExecutionException.class)
                    .expectExceptionDetails(ErrorCode.ILLEGAL_TRANSITION);
        }

        @Test
        void cannotTerminateAProjectInProduction() {
            fixture.given(leadRegistered(), signed(), constructionStarted(), productionStarted())
                    .when(new TerminateContractCommand(PROJECT, "未履约", TODAY, null))
                    .expectException(CommandExecutionException.class)
                    .expectExceptionDetails(ErrorCode.ILLEGAL_TRANSITION)
                    .expectExceptionMessage(containsString("IN_PRODUCTION"));
        }

        @Test
        void endingAProjectRequiresAReason() {
            fixture.given(leadRegistered())
                    .when(new AbandonProjectCommand(PROJECT, " ", TODAY, null))
                    .expectException(CommandExecutionException.class)
                    .expectExceptionDetails(ErrorCode.RULE_VIOLATED)
                    .expectExceptionMessage(containsString("reason"));
        }

        @Test
        void cannotStartConstructionOnAnAbandonedProject() {
            fixture.given(leadRegistered(), abandoned(NEGOTIATION_ON))
                    .when(new StartConstructionCommand(PROJECT, TODAY, null))
                    .expectException(CommandExecutionException.class)
                    .expectExceptionDetails(ErrorCode.ILLEGAL_TRANSITION)
                    .expectExceptionMessage(allOf(containsString("ABANDONED"), containsString("ended")))
                    .expectNoEvents();
        }

        @Test
        void anAbandonedProjectCannotBeSigned() {
            fixture.given(leadRegistered(), abandoned(NEGOTIATION_ON))
                    .when(new SignProjectCommand(PROJECT, Money.cny("1"), null, LEADER, TODAY, null))
                    .expectException(CommandExecutionException.class)
                    .expectExceptionDetails(ErrorCode.ILLEGAL_TRANSITION)
                    .expectExceptionMessage(containsString("ABANDONED"));
        }

        @Test
        void capitalCannotArriveAfterTermination() {
            fixture.given(leadRegistered(), signed(), terminated(CONSTRUCTION_ON))
                    .when(new RecordCapitalArrivalCommand(PROJECT, "a-1", Money.cny("100"), false, TODAY, null))
                    .expectException(CommandExecutionException.class)
                    .expectExceptionDetails(ErrorCode.ILLEGAL_TRANSITION)
                    .expectExceptionMessage(containsString("TERMINATED"));
        }

        @Test
        void aTerminatedProjectIsNeverPresentedAtACeremony() {
            fixture.given(leadRegistered(), signed(), terminated(CONSTRUCTION_ON))
                    .when(new SignProjectCommand(PROJECT, Money.cny("1"), "2024年夏季签约会", LEADER, TODAY, null))
                    .expectException(CommandExecutionException.class)
                    .expectExceptionDetails(ErrorCode.ILLEGAL_TRANSITION)
                    .expectExceptionMessage(containsString("TERMINATED"));
        }

        @Test
        void aTerminatedProjectTakesNoLeader() {
            fixture.given(leadRegistered(), signed(), terminated(CONSTRUCTION_ON))
                    .when(new AssignResponsibleLeaderCommand(PROJECT, LEADER, TODAY, null))
                    .expectException(CommandExecutionException.class)
                    .expectExceptionDetails(ErrorCode.ILLEGAL_TRANSITION);
        }
    }

    @Nested
    class LeaderRules {

        @Test
        void aResponsibleLeaderIsAssignedInAnyLiveStage() {
            ResponsibleLeader another = new ResponsibleLeader("李华", "区招商局局长", null);
            fixture.given(leadRegistered())
                    .when(new AssignResponsibleLeaderCommand(PROJECT, another, TODAY, null))
                    .expectEvents(new ResponsibleLeaderAssignedEvent(PROJECT, another, TODAY));
            fixture.given(leadRegistered(), signed(), constructionStarted(), productionStarted())
                    .when(new AssignResponsibleLeaderCommand(PROJECT, another, TODAY, null))
                    .expectEvents(new ResponsibleLeaderAssignedEvent(PROJECT, another, TODAY))
                    .expectResultMessagePayload(4L);
        }

        @Test
        void aLeaderAssignmentNamesTheLeader() {
            fixture.given(leadRegistered())
                    .when(new AssignResponsibleLeaderCommand(PROJECT, null, TODAY, null))
                    .expectException(CommandExecutionException.class)
                    .expectExceptionDetails(ErrorCode.RULE_VIOLATED)
                    .expectExceptionMessage(containsString("leader"));
        }

        @Test
        void aLeaderAssignmentCannotPrecedeTheLead() {
            fixture.given(leadRegistered())
                    .when(new AssignResponsibleLeaderCommand(PROJECT, LEADER, LEAD_ON.minusDays(1), null))
                    .expectException(CommandExecutionException.class)
                    .expectExceptionDetails(ErrorCode.RULE_VIOLATED);
        }
    }

    @Nested
    class VersionRules {

        @Test
        void staleExpectedVersionIsRefused() {
            fixture.given(leadRegistered(), negotiationStarted())
                    .when(new SignIntentAgreementCommand(PROJECT, Money.cny("480000000"), INTENT_ON, 0L))
                    .expectException(CommandExecutionException.class)
                    .expectExceptionDetails(ErrorCode.STALE_VERSION)
                    .expectExceptionMessage(allOf(containsString("version 1"), containsString("expected version 0")))
                    .expectNoEvents();
        }

        @Test
        void staleVersionIsCheckedBeforeTheStage() {
            fixture.given(leadRegistered(), abandoned(NEGOTIATION_ON))
                    .when(new StartConstructionCommand(PROJECT, TODAY, 7L))
                    .expectException(CommandExecutionException.class)
                    .expectExceptionDetails(ErrorCode.STALE_VERSION);
        }

        @Test
        void matchingExpectedVersionIsAccepted() {
            fixture.given(leadRegistered(), negotiationStarted())
                    .when(new SignIntentAgreementCommand(PROJECT, Money.cny("480000000"), INTENT_ON, 1L))
                    .expectEvents(intentSigned())
                    .expectResultMessagePayload(2L);
        }

        @Test
        void aPresentationAnswersTheNewVersionToo() {
            fixture.given(leadRegistered(), signed())
                    .when(new SignProjectCommand(PROJECT, Money.cny("1"), "秋季签约会", LEADER, TODAY, 1L))
                    .expectSuccessfulHandlerExecution()
                    .expectResultMessagePayload(2L);
        }
    }

    @Nested
    class DateRules {

        @Test
        void occurredOnInTheFutureIsRefused() {
            fixture.given(leadRegistered(), signed())
                    .when(new StartConstructionCommand(PROJECT, TODAY.plusDays(1), null))
                    .expectException(CommandExecutionException.class)
                    .expectExceptionDetails(ErrorCode.RULE_VIOLATED)
                    .expectExceptionMessage(allOf(containsString("future"), containsString("2024-06-30")))
                    .expectNoEvents();
        }

        @Test
        void occurredOnTodayIsAccepted() {
            fixture.given(leadRegistered(), signed())
                    .when(new StartConstructionCommand(PROJECT, TODAY, null))
                    .expectEvents(new ConstructionStartedEvent(PROJECT, TODAY));
        }

        @Test
        void todayIsTheBusinessDateInShanghai() {
            // 17:30 UTC on 30 June is 01:30 on 1 July in Shanghai
            FixtureConfiguration<Project> late = newFixture(
                    Clock.fixed(Instant.parse("2024-06-30T17:30:00Z"), ZoneOffset.UTC));
            LocalDate july1 = LocalDate.of(2024, 7, 1);
            late.given(leadRegistered(), signed())
                    .when(new StartConstructionCommand(PROJECT, july1, null))
                    .expectEvents(new ConstructionStartedEvent(PROJECT, july1));
            FixtureConfiguration<Project> early = newFixture(
                    Clock.fixed(Instant.parse("2024-06-30T15:30:00Z"), ZoneOffset.UTC));
            early.given(leadRegistered(), signed())
                    .when(new StartConstructionCommand(PROJECT, july1, null))
                    .expectException(CommandExecutionException.class)
                    .expectExceptionDetails(ErrorCode.RULE_VIOLATED);
        }

        @Test
        void occurredOnBefore2000IsRefused() {
            RegisterLeadCommand ancient = new RegisterLeadCommand(PROJECT, "项目", UNIT, INVESTOR, INDUSTRY,
                    Channel.FAIR, null, LocalDate.of(1999, 12, 31));
            fixture.givenNoPriorActivity()
                    .when(ancient)
                    .expectException(CommandExecutionException.class)
                    .expectExceptionDetails(ErrorCode.RULE_VIOLATED)
                    .expectExceptionMessage(containsString("2000-01-01"));
        }

        @Test
        void occurredOnIsRequired() {
            fixture.given(leadRegistered())
                    .when(new StartNegotiationCommand(PROJECT, null, null))
                    .expectException(CommandExecutionException.class)
                    .expectExceptionDetails(ErrorCode.RULE_VIOLATED)
                    .expectExceptionMessage(containsString("occurredOn is required"));
        }

        @Test
        void constructionStartCannotPrecedeTheSigning() {
            fixture.given(leadRegistered(), signed())
                    .when(new StartConstructionCommand(PROJECT, SIGNED_ON.minusDays(1), null))
                    .expectException(CommandExecutionException.class)
                    .expectExceptionDetails(ErrorCode.RULE_VIOLATED)
                    .expectExceptionMessage(allOf(containsString(SIGNED_ON.toString()), containsString("cannot precede")))
                    .expectNoEvents();
        }

        @Test
        void aMilestoneCannotPrecedeTheLatestMilestone() {
            fixture.given(leadRegistered(), signed(), landAssigned(), constructionStarted())
                    .when(new CompleteConstructionCommand(PROJECT, LAND_ON, null))
                    .expectException(CommandExecutionException.class)
                    .expectExceptionDetails(ErrorCode.RULE_VIOLATED)
                    .expectExceptionMessage(containsString(CONSTRUCTION_ON.toString()));
        }

        @Test
        void aMilestoneMayFallOnTheDayOfTheLatestOne() {
            fixture.given(leadRegistered(), signed())
                    .when(new StartConstructionCommand(PROJECT, SIGNED_ON, null))
                    .expectEvents(new ConstructionStartedEvent(PROJECT, SIGNED_ON));
        }
    }
}
