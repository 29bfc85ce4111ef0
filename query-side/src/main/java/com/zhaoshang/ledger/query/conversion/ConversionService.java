package com.zhaoshang.ledger.query.conversion;

import com.zhaoshang.ledger.api.value.Currency;
import com.zhaoshang.ledger.query.ranking.RankingProperties;
import com.zhaoshang.ledger.query.views.IndicatorCounter;
import com.zhaoshang.ledger.query.views.Ratios;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
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
@Service
public class ConversionService {

    private static final String[] STAGES = {"LEAD", "NEGOTIATING", "INTENT", "SIGNED", "REGISTERED", "LAND_ASSIGNED",
            "UNDER_CONSTRUCTION", "COMPLETED", "IN_PRODUCTION", "TERMINATED", "ABANDONED"};
    private static final String[] COLUMNS = {"lead_on", "negotiation_on", "intent_on", "signed_on", "registered_on",
            "land_on", "construction_on", "completed_on", "production_on", "terminated_on", "abandoned_on"};

    private final JdbcClient jdbc;
    private final RankingProperties rules;
    private final IndicatorCounter counter;

    public ConversionService(JdbcClient jdbc, RankingProperties rules, IndicatorCounter counter) {
        this.jdbc = jdbc;
        this.rules = rules;
        this.counter = counter;
    }

    public record CapitalRate(Currency currency, BigDecimal verified, BigDecimal contracted, BigDecimal rate) {
    }

    public record Rates(BigDecimal signingConversion, BigDecimal fulfilment, BigDecimal startRate,
                        List<CapitalRate> capitalArrival, BigDecimal productionRate) {
    }

    public record MedianDays(BigDecimal signingToLand, BigDecimal landToConstruction, BigDecimal constructionToProduction,
                             BigDecimal signingToConstruction) {
    }

    public record Conversion(String unitId, LocalDate from, LocalDate to, String industry, Map<String, Long> funnel,
                             long signedProjects, Rates rates, MedianDays medianDays) {
    }

    public Conversion conversion(String unitId, LocalDate from, LocalDate to, String industry) {
        Map<String, Long> funnel = industry == null ? countedFunnel(unitId, from, to) : funnelFromProjects(unitId, from, to, industry);
        return cohort(unitId, from, to, industry, funnel);
    }

    /** The funnel from the counters kept per unit, stage and day / month / year (no industry filter). */
    private Map<String, Long> countedFunnel(String unitId, LocalDate from, LocalDate to) {
        Map<String, Long> counts = counter.funnel(unitId, List.of(COLUMNS), from, to);
        Map<String, Long> funnel = new LinkedHashMap<>();
        for (int i = 0; i < STAGES.length; i++) {
            funnel.put(STAGES[i], counts.get(COLUMNS[i]));
        }
        return funnel;
    }

    /** The funnel of an industry: its projects of the subtree, one {@code COUNT(*) FILTER} per stage. */
    private Map<String, Long> funnelFromProjects(String unitId, LocalDate from, LocalDate to, String industry) {
        Map<String, Long> funnel = new LinkedHashMap<>();
        StringBuilder counts = new StringBuilder(IndicatorCounter.scopeOf("root")).append("SELECT ");
        for (int i = 0; i < STAGES.length; i++) {
            counts.append(i == 0 ? "" : ", ").append("COUNT(*) FILTER (WHERE p.").append(COLUMNS[i])
                    .append(" BETWEEN :from AND :to)");
        }
        counts.append(" FROM scope s JOIN views_project p ON p.unit_id = s.unit_id WHERE p.industry_code LIKE :industry");
        jdbc.sql(counts.toString())
                .param("root", unitId).param("from", from).param("to", to).param("industry", industry + "%")
                .query(rs -> {
                    for (int i = 0; i < STAGES.length; i++) {
                        funnel.put(STAGES[i], rs.getLong(i + 1));
                    }
                });
        return funnel;
    }

    /**
     * The cohort's figures in one statement: the projects signed in the period (of the industry, when given), every
     * later stage counted only when it happened by the period's end; medians by {@code percentile_cont(0.5)} (the mean
     * of the two middle values when their number is even); verified capital of the cohort's arrivals up to the end:
     * a project's verified totals (V120) when its latest verified arrival is within the period, else the sum of its
     * arrivals up to the end (only those projects' arrivals are read).
     */
    private Conversion cohort(String unitId, LocalDate from, LocalDate to, String industry, Map<String, Long> funnel) {
        StringBuilder sql = new StringBuilder(IndicatorCounter.scopeOf("root")).append("""
                , cohort AS (
                    SELECT p.project_id, p.signed_on,
                           CASE WHEN p.registered_on <= :to THEN p.registered_on END AS registered_on,
                           CASE WHEN p.land_on <= :to THEN p.land_on END AS land_on,
                           CASE WHEN p.construction_on <= :to THEN p.construction_on END AS construction_on,
                           CASE WHEN p.production_on <= :to THEN p.production_on END AS production_on,
                           CASE WHEN p.terminated_on <= :to THEN p.terminated_on END AS terminated_on,
                           p.contract_amount, p.contract_currency, p.verified_cny, p.verified_usd, p.verified_until
                    FROM scope s JOIN views_project p ON p.unit_id = s.unit_id
                    WHERE p.signed_on IS NOT NULL AND p.signed_on BETWEEN :from AND :to""");
        if (industry != null) {
            sql.append(" AND p.industry_code LIKE :industry");
        }
        Currency[] currencies = Currency.values();
        // the arrivals up to the end of the projects verified after it, every currency in one pass
        sql.append("), late AS (SELECT ");
        for (int i = 0; i < currencies.length; i++) {
            sql.append(i == 0 ? "" : ", ").append("SUM(a.verified_amount) FILTER (WHERE a.currency = :currency").append(i)
                    .append(") AS late").append(i);
        }
        sql.append(" FROM cohort c JOIN views_capital_arrival a ON a.project_id = c.project_id")
                .append(" WHERE c.verified_until > :to AND a.verified_amount IS NOT NULL AND a.occurred_on <= :to)");
        sql.append("\nSELECT COUNT(*), COUNT(registered_on), COUNT(construction_on), COUNT(production_on),")
                .append(" COUNT(*) FILTER (WHERE terminated_on IS NULL AND CASE WHEN construction_on IS NOT NULL")
                .append(" THEN construction_on <= signed_on + :deadline ELSE :to <= signed_on + :deadline END),")
                .append(" percentile_cont(0.5) WITHIN GROUP (ORDER BY land_on - signed_on),")
                .append(" percentile_cont(0.5) WITHIN GROUP (ORDER BY construction_on - land_on)")
                .append(" FILTER (WHERE land_on IS NOT NULL AND construction_on IS NOT NULL),")
                .append(" percentile_cont(0.5) WITHIN GROUP (ORDER BY production_on - construction_on)")
                .append(" FILTER (WHERE construction_on IS NOT NULL AND production_on IS NOT NULL),")
                .append(" percentile_cont(0.5) WITHIN GROUP (ORDER BY construction_on - signed_on)");
        for (int i = 0; i < currencies.length; i++) {
            sql.append(", SUM(contract_amount) FILTER (WHERE contract_currency = :currency").append(i).append(")")
                    .append(", COALESCE(SUM(").append(verifiedColumn(currencies[i]))
                    .append(") FILTER (WHERE verified_until <= :to), 0) + COALESCE((SELECT late").append(i)
                    .append(" FROM late), 0)");
        }
        sql.append(" FROM cohort");
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("root", unitId);
        params.put("from", from);
        params.put("to", to);
        params.put("deadline", rules.constructionDeadlineDays());
        if (industry != null) {
            params.put("industry", industry + "%");
        }
        for (int i = 0; i < currencies.length; i++) {
            params.put("currency" + i, currencies[i].name());
        }
        return jdbc.sql(sql.toString()).params(params).query((rs, n) -> {
            long signed = rs.getLong(1);
            List<CapitalRate> capital = new ArrayList<>();
            for (int i = 0; i < currencies.length; i++) {
                BigDecimal contracted = orZero(rs.getBigDecimal(10 + 2 * i));
                BigDecimal verified = orZero(rs.getBigDecimal(11 + 2 * i));
                capital.add(new CapitalRate(currencies[i], verified, contracted, Ratios.ratio(verified, contracted)));
            }
            Rates rates = new Rates(Ratios.ratio(rs.getLong(2), signed), Ratios.ratio(rs.getLong(5), signed),
                    Ratios.ratio(rs.getLong(3), signed), capital, Ratios.ratio(rs.getLong(4), signed));
            MedianDays medians = new MedianDays(median(rs, 6), median(rs, 7), median(rs, 8), median(rs, 9));
            return new Conversion(unitId, from, to, industry, funnel, signed, rates, medians);
        }).single();
    }

    /** The column of {@code views_project} with a project's verified capital in the currency (V120). */
    static String verifiedColumn(Currency currency) {
        return switch (currency) {
            case CNY -> "verified_cny";
            case USD -> "verified_usd";
        };
    }

    private static BigDecimal orZero(BigDecimal value) {
        return (value == null ? BigDecimal.ZERO : value).setScale(2);
    }

    /** A median of whole days: exact in a double (n or n + 0.5), one decimal. */
    private static BigDecimal median(java.sql.ResultSet rs, int column) throws java.sql.SQLException {
        double value = rs.getDouble(column);
        return rs.wasNull() ? null : BigDecimal.valueOf(value).setScale(1, RoundingMode.HALF_UP);
    }

}
