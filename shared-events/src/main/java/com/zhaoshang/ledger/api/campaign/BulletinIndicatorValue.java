package com.zhaoshang.ledger.api.campaign;

import com.zhaoshang.ledger.api.value.Currency;

import java.math.BigDecimal;

/**
 * One indicator of a unit's row in a bulletin, as published: {@code actual} (a count, or an amount in
 * {@code currency}), {@code target} (null in a period ranking, where completion is relative to the best of the peer
 * group), {@code completion} (a ratio, three decimals) and the {@code weight} the rule gave it. Exact decimals.
 */
public record BulletinIndicatorValue(Indicator indicator, TargetFilter filter, Currency currency, BigDecimal actual,
                                     BigDecimal target, BigDecimal completion, BigDecimal weight) {
}
