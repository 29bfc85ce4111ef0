package com.zhaoshang.ledger.query.web;

import com.zhaoshang.ledger.api.value.Currency;
import com.zhaoshang.ledger.api.value.Money;

/** Money as the REST contract writes it: {@code {"amount": "92900000.00", "currency": "CNY"}}, the amount a string. */
public record MoneyJson(String amount, Currency currency) {

    public static MoneyJson of(Money money) {
        return money == null ? null : new MoneyJson(money.amount().toPlainString(), money.currency());
    }
}
