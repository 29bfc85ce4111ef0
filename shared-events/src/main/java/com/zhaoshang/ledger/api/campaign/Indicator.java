package com.zhaoshang.ledger.api.campaign;

import com.zhaoshang.ledger.api.value.Currency;

/**
 * What a campaign target counts (DOMAIN.md "Indicators, targets and campaigns"). Facts count by their
 * {@code occurredOn} inside the window.
 * <ul>
 *   <li>counts (a target is a whole number): leads, companies visited, investor inspections, projects signed,
 *   construction started, production started;</li>
 *   <li>amounts (a target is money in {@link #currencyOf(Currency) the indicator's currency}, yuan or dollars,
 *   at most two decimals): signed amount (CNY unless the target names USD), verified capital in CNY, verified capital in USD.</li>
 * </ul>
 */
public enum Indicator {
    /** 招商信息: {@code LeadRegisteredEvent}. */
    LEADS_COLLECTED(false, false, null),
    /** 外出走访企业: {@code ActivityRecordedEvent} of kind COMPANY_VISIT. */
    COMPANIES_VISITED(false, true, null),
    /** 邀请客商来考察: {@code ActivityRecordedEvent} of kind INVESTOR_INSPECTION. */
    INVESTOR_INSPECTIONS(false, true, null),
    /** 新签项目: {@code ProjectSignedEvent} only, never a presentation at another ceremony. */
    PROJECTS_SIGNED(false, false, null),
    /** 签约合同资金: the sum of contract amounts of projects signed, per currency. */
    SIGNED_AMOUNT(true, false, Currency.CNY),
    /** 新开工项目: {@code ConstructionStartedEvent}. */
    CONSTRUCTION_STARTED(false, false, null),
    /** 内资实际进资 (认定): verified CNY amounts, by the arrival's date. */
    CAPITAL_VERIFIED_CNY(true, false, Currency.CNY),
    /** 实际利用外资 (认定): verified USD amounts, by the arrival's date. */
    CAPITAL_VERIFIED_USD(true, false, Currency.USD),
    /** 投产项目: {@code ProductionStartedEvent}. */
    PRODUCTION_STARTED(false, false, null);

    private final boolean amount;
    private final boolean activity;
    private final Currency defaultCurrency;

    Indicator(boolean amount, boolean activity, Currency defaultCurrency) {
        this.amount = amount;
        this.activity = activity;
        this.defaultCurrency = defaultCurrency;
    }

    /** Whether the indicator sums money (otherwise it counts facts). */
    public boolean isAmount() {
        return amount;
    }

    /** Whether it counts activities (no project behind them, so no filter applies). */
    public boolean isActivity() {
        return activity;
    }

    /** Whether the currency of this indicator's target may be chosen (signed amount: CNY or USD). */
    public boolean isCurrencySelectable() {
        return this == SIGNED_AMOUNT;
    }

    /**
     * The currency a target of this indicator is in, given the currency the target named (may be null);
     * null for counts. Does not check consistency: see the Campaign aggregate's rules.
     */
    public Currency currencyOf(Currency named) {
        if (!amount) {
            return null;
        }
        return isCurrencySelectable() && named != null ? named : defaultCurrency;
    }
}
