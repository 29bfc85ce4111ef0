package com.zhaoshang.ledger.command.project;

import com.zhaoshang.ledger.api.project.*;
import com.zhaoshang.ledger.api.value.*;
import com.zhaoshang.ledger.command.supervision.SupervisionRules;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/** Facts of one project, "the factory of Alpha Materials", on dates that follow each other. */
final class ProjectTestData {

    static final String PROJECT = "3f6c1a52-0d5e-4f0b-9a53-6f4f1d2e9a10";
    static final UnitId UNIT = new UnitId("360802");
    static final UnitId OTHER_UNIT = new UnitId("360821");
    static final CreditCode CREDIT_CODE = new CreditCode("91350100M000100Y43");
    static final IndustryCode INDUSTRY = IndustryCode.of("C3011");
    static final Investor INVESTOR = new Investor("阿尔法新材料有限公司", CREDIT_CODE, null, InvestorKind.PRIVATE);
    static final ResponsibleLeader LEADER = new ResponsibleLeader("王明", "副区长", "wangming");
    static final String CEREMONY = "2024年春季重大项目集中签约会";

    /** 10:00 in Shanghai on 30 June 2024. */
    static final Clock CLOCK = Clock.fixed(Instant.parse("2024-06-30T02:00:00Z"), ZoneOffset.UTC);
    static final LocalDate TODAY = LocalDate.of(2024, 6, 30);

    static final LocalDate LEAD_ON = LocalDate.of(2024, 1, 10);
    static final LocalDate NEGOTIATION_ON = LocalDate.of(2024, 2, 1);
    static final LocalDate INTENT_ON = LocalDate.of(2024, 3, 1);
    static final LocalDate SIGNED_ON = LocalDate.of(2024, 4, 1);
    static final LocalDate REGISTERED_ON = LocalDate.of(2024, 4, 10);
    static final LocalDate LAND_ON = LocalDate.of(2024, 4, 20);
    static final LocalDate CONSTRUCTION_ON = LocalDate.of(2024, 5, 1);
    static final LocalDate COMPLETED_ON = LocalDate.of(2024, 6, 1);
    static final LocalDate PRODUCTION_ON = LocalDate.of(2024, 6, 15);

    /**
     * The default rules, but with rules 8 and 9 (reported vs verified, late entries) out of reach: the lifecycle
     * tests record facts dated months before the fixed clock. {@code ProjectReportingRulesTest} tests those rules.
     */
    static final SupervisionRules RULES = new SupervisionRules(180, 30, 60, 365, 730, 5, new BigDecimal("0.99"), 36500,
            2);

    private ProjectTestData() {
    }

    static RegisterLeadCommand registerLead() {
        return new RegisterLeadCommand(PROJECT, "年产5万吨新材料项目", UNIT, INVESTOR, INDUSTRY, Channel.DOOR_TO_DOOR,
                Money.cny("500000000"), LEAD_ON);
    }

    static RegisterLeadCommand registerLead(String projectId, UnitId unit, Investor investor) {
        return new RegisterLeadCommand(projectId, "年产5万吨新材料项目", unit, investor, INDUSTRY, Channel.DOOR_TO_DOOR,
                Money.cny("500000000"), LEAD_ON);
    }

    static LeadRegisteredEvent leadRegistered() {
        return new LeadRegisteredEvent(PROJECT, "年产5万吨新材料项目", UNIT, INVESTOR, INDUSTRY, Channel.DOOR_TO_DOOR,
                Money.cny("500000000"), LEAD_ON);
    }

    static NegotiationStartedEvent negotiationStarted() {
        return new NegotiationStartedEvent(PROJECT, NEGOTIATION_ON);
    }

    static IntentAgreementSignedEvent intentSigned() {
        return new IntentAgreementSignedEvent(PROJECT, Money.cny("480000000"), INTENT_ON);
    }

    static ProjectSignedEvent signed() {
        return new ProjectSignedEvent(PROJECT, Money.cny("450000000"), CEREMONY, LEADER, SIGNED_ON);
    }

    static ProjectRegisteredEvent registered() {
        return new ProjectRegisteredEvent(PROJECT, contractDocuments(), REGISTERED_ON);
    }

    static LandAssignedEvent landAssigned() {
        return new LandAssignedEvent(PROJECT, "JA2024-017", new BigDecimal("120.5"), LAND_ON);
    }

    static ConstructionStartedEvent constructionStarted() {
        return new ConstructionStartedEvent(PROJECT, CONSTRUCTION_ON);
    }

    static ConstructionCompletedEvent constructionCompleted() {
        return new ConstructionCompletedEvent(PROJECT, COMPLETED_ON);
    }

    static ProductionStartedEvent productionStarted() {
        return new ProductionStartedEvent(PROJECT, PRODUCTION_ON);
    }

    static CapitalArrivedEvent capitalArrived(String arrivalId, Money amount, LocalDate on) {
        return new CapitalArrivedEvent(PROJECT, arrivalId, amount, amount.currency() == Currency.USD, on);
    }

    static ContractTerminatedEvent terminated(LocalDate on) {
        return new ContractTerminatedEvent(PROJECT, "投资方资金链断裂, 未履约", on);
    }

    static ProjectAbandonedEvent abandoned(LocalDate on) {
        return new ProjectAbandonedEvent(PROJECT, "投资方转向外省", on);
    }

    static Evidence contractDocuments() {
        return new Evidence(EvidenceKind.CONTRACT_DOCUMENTS, "吉安招商入库[2024]17号");
    }

    static Evidence bankReceipt() {
        return new Evidence(EvidenceKind.BANK_RECEIPT, "中国银行进账单 0012345");
    }

    static Evidence foreignExchangeRecord() {
        return new Evidence(EvidenceKind.FOREIGN_EXCHANGE_RECORD, "外汇登记 2024-0456");
    }
}
