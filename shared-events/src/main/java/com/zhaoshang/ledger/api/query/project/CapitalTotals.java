package com.zhaoshang.ledger.api.query.project;

import com.zhaoshang.ledger.api.value.Currency;
import com.zhaoshang.ledger.api.value.Money;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Capital of a project per currency, reported and verified; CNY and USD are never converted into each other.
 * Both maps hold every currency (zero where nothing arrived).
 */
public record CapitalTotals(Map<Currency, Money> reported, Map<Currency, Money> verified) {

    public CapitalTotals {
        reported = Collections.unmodifiableMap(new EnumMap<>(reported));
        verified = Collections.unmodifiableMap(new EnumMap<>(verified));
    }

    /** Sums the arrivals: reported amounts of all, verified amounts of the verified ones. */
    public static CapitalTotals of(List<CapitalArrival> arrivals) {
        Map<Currency, Money> reported = zeros();
        Map<Currency, Money> verified = zeros();
        for (CapitalArrival arrival : arrivals) {
            reported.merge(arrival.amount().currency(), arrival.amount(), Money::plus);
            if (arrival.verified()) {
                verified.merge(arrival.verifiedAmount().currency(), arrival.verifiedAmount(), Money::plus);
            }
        }
        return new CapitalTotals(reported, verified);
    }

    private static Map<Currency, Money> zeros() {
        Map<Currency, Money> map = new EnumMap<>(Currency.class);
        for (Currency currency : Currency.values()) {
            map.put(currency, Money.zero(currency));
        }
        return map;
    }
}
