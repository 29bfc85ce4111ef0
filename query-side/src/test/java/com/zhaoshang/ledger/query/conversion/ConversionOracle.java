package com.zhaoshang.ledger.query.conversion;

import com.zhaoshang.ledger.api.value.Currency;
import com.zhaoshang.ledger.query.ranking.RankingProperties;
import com.zhaoshang.ledger.query.views.IndicatorCounter;
import com.zhaoshang.ledger.query.views.Ratios;
import org.springframework.jdbc.core.simple.JdbcClient;
import com.zhaoshang.ledger.query.conversion.ConversionService.CapitalRate;
import com.zhaoshang.ledger.query.conversion.ConversionService.Conversion;
import com.zhaoshang.ledger.query.conversion.ConversionService.MedianDays;
import com.zhaoshang.ledger.query.conversion.ConversionService.Rates;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The conversion views as computed before the counters (session 3): every project of the subtree read per request, the
 * cohort's rates and medians in Java. Kept as the oracle of {@link ConversionCountersTest}.
 * <p>
 * Conversion views (转化率) of a unit with its subtree, a period and optionally an industry (a GB/T 4754 code prefix:
 * {@code C} or {@code C30}).
 * <ul>
 *   <li>{@code funnel}: per stage, the projects whose fact of that stage occurred inside the period;</li>
 *   <li>the rates are over the <em>cohort</em> of projects signed inside the period, looking at what happened to them
 *   up to the period's end: 签约转化率 = registered / signed; 履约率 = not terminated and on schedule (construction
 *   started within the deadline of signing, or the deadline not yet passed) / signed; 开工率 = construction started /
 *   signed; 建成投产率 = in production / signed; 资金到位率, per currency = verified capital (arrivals up to the
 *   period's end) / contract amounts of the cohort in that currency;</li>
 *   <li>median days over the cohort between signing → land → construction start → production (and signing →
 *   construction start), over projects that reached both stages by the period's end; the mean of the two middle
 *   values when their number is even.</li>
 * </ul>
 */

public class ConversionOracle {

    private static final String[] STAGES = {"LEAD", "NEGOTIATING", "INTENT", "SIGNED", "REGISTERED", "LAND_ASSIGNED",
            "UNDER_CONSTRUCTION", "COMPLETED", "IN_PRODUCTION", "TERMINATED", "ABANDONED"};
    private static final String[] COLUMNS = {"lead_on", "negotiation_on", "intent_on", "signed_on", "registered_on",
            "land_on", "construction_on", "completed_on", "production_on", "terminated_on", "abandoned_on"};

    private final JdbcClient jdbc;
    private final RankingProperties rules;

    public ConversionOracle(JdbcClient jdbc, RankingProperties rules) {
        this.jdbc = jdbc;
        this.rules = rules;
    }

    private record Row(LocalDate signed, LocalDate registered, LocalDate land, LocalDate construction,
                       LocalDate production, LocalDate terminated, BigDecimal contract, String contractCurrency,
                       String projectId) {
    }

    public Conversion conversion(String unitId, LocalDate from, LocalDate to, String industry) {
        String scope = IndicatorCounter.SUBTREE + """
                SELECT p.* FROM views_project p WHERE p.unit_id IN (SELECT unit_id FROM subtree)""";
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("root", unitId);
        if (industry != null) {
            scope += " AND p.industry_code LIKE :industry";
            params.put("industry", industry + "%");
        }
        Map<String, Long> funnel = new LinkedHashMap<>();
        StringBuilder counts = new StringBuilder("SELECT ");
        for (int i = 0; i < STAGES.length; i++) {
            counts.append(i == 0 ? "" : ", ").append("COUNT(*) FILTER (WHERE s.").append(COLUMNS[i])
                    .append(" BETWEEN :from AND :to)");
        }
        Map<String, Object> funnelParams = new LinkedHashMap<>(params);
        funnelParams.put("from", from);
        funnelParams.put("to", to);
        jdbc.sql(counts + " FROM (" + scope + ") s").params(funnelParams).query(rs -> {
            for (int i = 0; i < STAGES.length; i++) {
                funnel.put(STAGES[i], rs.getLong(i + 1));
            }
        });
        Map<String, Object> p = new LinkedHashMap<>(params);
        p.put("from", from);
        p.put("to", to);
        List<Row> cohort = jdbc.sql("SELECT * FROM (" + scope + ") s WHERE s.signed_on BETWEEN :from AND :to ORDER BY s.project_id")
                .params(p)
                .query((rs, n) -> new Row(upTo(rs.getObject("signed_on", LocalDate.class), to),
                        upTo(rs.getObject("registered_on", LocalDate.class), to),
                        upTo(rs.getObject("land_on", LocalDate.class), to),
                        upTo(rs.getObject("construction_on", LocalDate.class), to),
                        upTo(rs.getObject("production_on", LocalDate.class), to),
                        upTo(rs.getObject("terminated_on", LocalDate.class), to),
                        rs.getBigDecimal("contract_amount"), rs.getString("contract_currency"), rs.getString("project_id")))
                .list();
        long signed = cohort.size();
        long registered = cohort.stream().filter(r -> r.registered() != null).count();
        long started = cohort.stream().filter(r -> r.construction() != null).count();
        long producing = cohort.stream().filter(r -> r.production() != null).count();
        long fulfilling = cohort.stream().filter(r -> r.terminated() == null && onSchedule(r, to)).count();
        List<CapitalRate> capital = new ArrayList<>();
        Map<String, BigDecimal> verifiedByCurrency = verifiedCapital(scope, p, cohort.isEmpty());
        for (Currency currency : Currency.values()) {
            BigDecimal contracted = cohort.stream().filter(r -> currency.name().equals(r.contractCurrency()))
                    .map(Row::contract).reduce(BigDecimal.ZERO, BigDecimal::add).setScale(2);
            BigDecimal verified = verifiedByCurrency.getOrDefault(currency.name(), BigDecimal.ZERO).setScale(2);
            capital.add(new CapitalRate(currency, verified, contracted, Ratios.ratio(verified, contracted)));
        }
        Rates rates = new Rates(Ratios.ratio(registered, signed), Ratios.ratio(fulfilling, signed),
                Ratios.ratio(started, signed), capital, Ratios.ratio(producing, signed));
        MedianDays medians = new MedianDays(
                median(cohort, Row::signed, Row::land),
                median(cohort, Row::land, Row::construction),
                median(cohort, Row::construction, Row::production),
                median(cohort, Row::signed, Row::construction));
        return new Conversion(unitId, from, to, industry, funnel, signed, rates, medians);
    }

    /** 履约: construction started within the deadline of signing, or the deadline has not passed by the period's end. */
    private boolean onSchedule(Row row, LocalDate periodEnd) {
        LocalDate deadline = row.signed().plusDays(rules.constructionDeadlineDays());
        if (row.construction() != null) {
            return !row.construction().isAfter(deadline);
        }
        return !periodEnd.isAfter(deadline);
    }

    /**
     * Verified capital of the cohort's arrivals up to the period's end, per currency, in one statement
     * ({@code cohortParams}: the scope's parameters with {@code from} and {@code to}).
     */
    private Map<String, BigDecimal> verifiedCapital(String scope, Map<String, Object> cohortParams, boolean emptyCohort) {
        Map<String, BigDecimal> verified = new LinkedHashMap<>();
        if (emptyCohort) {
            return verified;
        }
        jdbc.sql("SELECT a.currency, SUM(a.verified_amount) FROM views_capital_arrival a"
                        + " WHERE a.project_id IN (SELECT c.project_id FROM (" + scope + ") c WHERE c.signed_on BETWEEN :from AND :to)"
                        + " AND a.verified_amount IS NOT NULL AND a.occurred_on <= :to GROUP BY a.currency")
                .params(cohortParams)
                .query(rs -> {
                    verified.put(rs.getString(1), rs.getBigDecimal(2));
                });
        return verified;
    }

    private static LocalDate upTo(LocalDate date, LocalDate end) {
        return date == null || date.isAfter(end) ? null : date;
    }

    private static BigDecimal median(List<Row> cohort, java.util.function.Function<Row, LocalDate> start,
                                     java.util.function.Function<Row, LocalDate> end) {
        List<Long> days = cohort.stream()
                .filter(r -> start.apply(r) != null && end.apply(r) != null)
                .map(r -> ChronoUnit.DAYS.between(start.apply(r), end.apply(r)))
                .sorted()
                .toList();
        if (days.isEmpty()) {
            return null;
        }
        int n = days.size();
        if (n % 2 == 1) {
            return BigDecimal.valueOf(days.get(n / 2)).setScale(1);
        }
        return BigDecimal.valueOf(days.get(n / 2 - 1) + days.get(n / 2)).divide(BigDecimal.valueOf(2), 1, RoundingMode.HALF_UP);
    }
}
