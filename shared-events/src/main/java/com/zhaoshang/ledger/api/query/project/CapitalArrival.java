package com.zhaoshang.ledger.api.query.project;

import com.zhaoshang.ledger.api.value.Evidence;
import com.zhaoshang.ledger.api.value.Money;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One reported arrival of capital and, once a verifier confirmed it, the verified amount and the evidence relied on.
 *
 * @param amount         the reported amount
 * @param occurredOn     the day the capital arrived, as the unit declared it
 * @param verifiedAmount {@code null} until verified
 * @param verifiedOn     the business date of the verification
 */
public record CapitalArrival(String arrivalId, Money amount, boolean foreignExchange, LocalDate occurredOn,
                             Instant recordedAt, Money verifiedAmount, Evidence evidence, LocalDate verifiedOn,
                             Instant verifiedAt) {

    public boolean verified() {
        return verifiedAmount != null;
    }
}
