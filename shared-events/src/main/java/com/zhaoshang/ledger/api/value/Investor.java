package com.zhaoshang.ledger.api.value;

import java.util.Objects;

/**
 * The company behind a project. A domestic investor may carry its unified social credit code (needed to detect
 * the same lead claimed twice); an overseas one (外资, 港澳台) names its country or region (ISO 3166 alpha-2).
 */
public record Investor(String name, CreditCode creditCode, String country, InvestorKind kind) {

    public Investor {
        Objects.requireNonNull(name, "investor name is required");
        Objects.requireNonNull(kind, "investor kind is required");
        if (name.isBlank()) {
            throw new IllegalArgumentException("investor name is blank");
        }
    }
}
