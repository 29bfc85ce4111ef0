package com.zhaoshang.ledger.query.views;

import com.zhaoshang.ledger.api.campaign.Indicator;
import com.zhaoshang.ledger.api.value.Currency;
import com.zhaoshang.ledger.api.value.Money;

/**
 * What to count: an indicator, optionally narrowed to industrial (or non-industrial) projects and to projects whose
 * contract (for leads: intended) amount is at least {@code minAmount} in the same currency; amounts sum only
 * {@code currency} (null for counts).
 */
public record Measure(Indicator indicator, Boolean industrial, Money minAmount, Currency currency) {

    public static Measure of(Indicator indicator) {
        return new Measure(indicator, null, null, indicator.currencyOf(null));
    }
}
