package com.zhaoshang.ledger.api.campaign;

import com.zhaoshang.ledger.api.value.Currency;
import com.zhaoshang.ledger.api.value.UnitId;

import java.math.BigDecimal;

/**
 * One unit's target for one indicator. {@code target} is a whole number for counts and an amount in yuan or
 * dollars (at most two decimals) for amounts. {@code currency} may be omitted: SIGNED_AMOUNT is then in CNY,
 * CAPITAL_VERIFIED_CNY is CNY and CAPITAL_VERIFIED_USD is USD; a count names no currency. {@code filter} may be null.
 */
public record CampaignTarget(UnitId unitId, Indicator indicator, TargetFilter filter, BigDecimal target, Currency currency) {
}
