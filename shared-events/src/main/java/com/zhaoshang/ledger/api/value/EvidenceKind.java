package com.zhaoshang.ledger.api.value;

/** What a verification relied on (DOMAIN.md: a verification records its evidence). */
public enum EvidenceKind {
    /** 验资报告: capital verification report (domestic). */
    CAPITAL_VERIFICATION_REPORT(Currency.CNY),
    /** 银行进账单: bank receipt (domestic). */
    BANK_RECEIPT(Currency.CNY),
    /** 设备清单: equipment list, for capital in kind (domestic). */
    EQUIPMENT_LIST(Currency.CNY),
    /** 外汇登记/结汇凭证: foreign-exchange record (foreign). */
    FOREIGN_EXCHANGE_RECORD(Currency.USD),
    /** 海关记录: customs record, for imported equipment (foreign). */
    CUSTOMS_RECORD(Currency.USD),
    /** 正式合同/入库材料: the signed contract and registration file, for registering a project (项目入库). */
    CONTRACT_DOCUMENTS(null);

    private final Currency capitalCurrency;

    EvidenceKind(Currency capitalCurrency) {
        this.capitalCurrency = capitalCurrency;
    }

    /** Whether this kind of evidence can prove capital in the given currency. */
    public boolean provesCapitalIn(Currency currency) {
        return capitalCurrency == currency;
    }
}
