package com.zhaoshang.ledger.command.web.project;

import com.zhaoshang.ledger.api.value.CreditCode;
import com.zhaoshang.ledger.api.value.Investor;
import com.zhaoshang.ledger.api.value.InvestorKind;
import com.zhaoshang.ledger.command.web.request.CreditCodeText;
import com.zhaoshang.ledger.command.web.request.PlainText;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The company behind a lead: a domestic one may give its credit code, an overseas one its country (ISO 3166 alpha-2). */
public record InvestorRequest(
        @NotBlank @Size(max = 200) @PlainText String name,
        @CreditCodeText String creditCode,
        @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166 alpha-2 country code such as HK or DE") String country,
        @NotNull InvestorKind kind) {

    Investor toInvestor() {
        return new Investor(name.strip(), creditCode == null ? null : CreditCode.of(creditCode), country, kind);
    }
}
