package com.zhaoshang.ledger.api.value;

/**
 * The two currencies the bureaus count in. Domestic capital (内资) is CNY, foreign capital (外资) is USD;
 * amounts in different currencies are never converted into each other.
 */
public enum Currency {
    /** Renminbi: domestic capital, 内资. */
    CNY,
    /** US dollars: foreign capital, 外资. */
    USD
}
