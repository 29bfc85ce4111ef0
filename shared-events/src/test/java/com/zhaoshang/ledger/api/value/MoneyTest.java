package com.zhaoshang.ledger.api.value;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MoneyTest {

    @Test
    void keepsExactDecimalsAtScaleTwo() {
        assertThat(Money.cny("92900000").amount()).isEqualTo(new BigDecimal("92900000.00"));
        assertThat(Money.cny("0.1").plus(Money.cny("0.2"))).isEqualTo(Money.cny("0.30"));
    }

    @Test
    void refusesMoreThanTwoDecimals() {
        assertThatThrownBy(() -> Money.cny("1.001")).hasMessageContaining("decimals");
    }

    @Test
    void refusesAbsurdMagnitudes() {
        assertThatThrownBy(() -> Money.cny("12345678901234567")).hasMessageContaining("integer digits");
    }

    @Test
    void neverCombinesCurrencies() {
        assertThatThrownBy(() -> Money.cny("1").plus(Money.usd("1"))).hasMessageContaining("never converted");
    }
}
