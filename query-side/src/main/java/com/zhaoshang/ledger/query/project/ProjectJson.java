package com.zhaoshang.ledger.query.project;

import com.zhaoshang.ledger.api.query.project.CapitalArrival;
import com.zhaoshang.ledger.api.query.project.CapitalTotals;
import com.zhaoshang.ledger.api.query.project.CeremonyPresentation;
import com.zhaoshang.ledger.api.query.project.LandParcel;
import com.zhaoshang.ledger.api.query.project.Milestones;
import com.zhaoshang.ledger.api.query.project.ProjectDetails;
import com.zhaoshang.ledger.api.query.project.ProjectPage;
import com.zhaoshang.ledger.api.query.project.ProjectSummary;
import com.zhaoshang.ledger.api.value.Channel;
import com.zhaoshang.ledger.api.value.Currency;
import com.zhaoshang.ledger.api.value.Evidence;
import com.zhaoshang.ledger.api.value.IndustryCode;
import com.zhaoshang.ledger.api.value.Investor;
import com.zhaoshang.ledger.api.value.Money;
import com.zhaoshang.ledger.api.value.ProjectStage;
import com.zhaoshang.ledger.api.value.ResponsibleLeader;
import com.zhaoshang.ledger.api.value.UnitId;
import com.zhaoshang.ledger.query.web.MoneyJson;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A project as {@code GET /api/projects/{id}} writes it (API.md): the query answer with money as
 * {@code {"amount": "…", "currency": "…"}} and the capital totals as amount strings keyed by currency. Nulls are
 * omitted by the application's Jackson settings.
 */
public record ProjectJson(String id, String name, UnitId unitId, ProjectStage stage, boolean registered,
                          Investor investor, IndustryCode industryCode, boolean industrial, Channel channel,
                          MoneyJson intendedAmount, MoneyJson intentAmount, MoneyJson contractAmount, String ceremony,
                          List<CeremonyPresentation> presentedAtCeremonies, ResponsibleLeader responsibleLeader,
                          Milestones milestones, Evidence registrationEvidence, String endReason, LandParcel land,
                          List<ArrivalJson> capitalArrivals, CapitalJson capital, long version,
                          Instant firstRecordedAt, Instant lastRecordedAt) {

    public static ProjectJson of(ProjectDetails p) {
        return new ProjectJson(p.id(), p.name(), p.unitId(), p.stage(), p.registered(), p.investor(),
                p.industryCode(), p.industrial(), p.channel(), MoneyJson.of(p.intendedAmount()),
                MoneyJson.of(p.intentAmount()), MoneyJson.of(p.contractAmount()), p.ceremony(),
                p.presentedAtCeremonies(), p.responsibleLeader(), p.milestones(), p.registrationEvidence(),
                p.endReason(), p.land(), p.capitalArrivals().stream().map(ArrivalJson::of).toList(),
                CapitalJson.of(p.capital()), p.version(), p.firstRecordedAt(), p.lastRecordedAt());
    }

    /** One capital arrival; {@code verified} says whether a verifier confirmed it. */
    public record ArrivalJson(String arrivalId, MoneyJson amount, boolean foreignExchange, LocalDate occurredOn,
                              Instant recordedAt, boolean verified, MoneyJson verifiedAmount, Evidence evidence,
                              LocalDate verifiedOn, Instant verifiedAt) {

        static ArrivalJson of(CapitalArrival a) {
            return new ArrivalJson(a.arrivalId(), MoneyJson.of(a.amount()), a.foreignExchange(), a.occurredOn(),
                    a.recordedAt(), a.verified(), MoneyJson.of(a.verifiedAmount()), a.evidence(), a.verifiedOn(),
                    a.verifiedAt());
        }
    }

    /** {@code {"reported": {"CNY": "…", "USD": "…"}, "verified": {…}}}. */
    public record CapitalJson(Map<Currency, String> reported, Map<Currency, String> verified) {

        static CapitalJson of(CapitalTotals totals) {
            return new CapitalJson(amounts(totals.reported()), amounts(totals.verified()));
        }

        private static Map<Currency, String> amounts(Map<Currency, Money> totals) {
            Map<Currency, String> amounts = new LinkedHashMap<>();
            totals.forEach((currency, money) -> amounts.put(currency, money.amount().toPlainString()));
            return amounts;
        }
    }

    /** A row of {@code GET /api/projects}. */
    public record SummaryJson(String id, String name, UnitId unitId, ProjectStage stage, boolean registered,
                              Investor investor, IndustryCode industryCode, boolean industrial, Channel channel,
                              MoneyJson intendedAmount, MoneyJson intentAmount, MoneyJson contractAmount,
                              ResponsibleLeader responsibleLeader, Milestones milestones, long version,
                              Instant lastRecordedAt) {

        static SummaryJson of(ProjectSummary p) {
            return new SummaryJson(p.id(), p.name(), p.unitId(), p.stage(), p.registered(), p.investor(),
                    p.industryCode(), p.industrial(), p.channel(), MoneyJson.of(p.intendedAmount()),
                    MoneyJson.of(p.intentAmount()), MoneyJson.of(p.contractAmount()), p.responsibleLeader(),
                    p.milestones(), p.version(), p.lastRecordedAt());
        }
    }

    /** {@code {items, page, size, totalItems, totalPages}}. */
    public record PageJson(List<SummaryJson> items, int page, int size, long totalItems, int totalPages) {

        static PageJson of(ProjectPage page) {
            return new PageJson(page.items().stream().map(SummaryJson::of).toList(), page.page(), page.size(),
                    page.totalItems(), page.totalPages());
        }
    }
}
