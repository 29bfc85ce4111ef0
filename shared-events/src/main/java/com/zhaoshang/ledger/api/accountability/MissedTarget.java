package com.zhaoshang.ledger.api.accountability;

import com.zhaoshang.ledger.api.campaign.Indicator;
import com.zhaoshang.ledger.api.campaign.TargetFilter;
import com.zhaoshang.ledger.api.value.Currency;

import java.math.BigDecimal;

/** An annual target a unit missed, with the figures of the campaign's final bulletin (exact decimals). */
public record MissedTarget(Indicator indicator, TargetFilter filter, Currency currency, BigDecimal actual,
                           BigDecimal target, BigDecimal completion) {
}
