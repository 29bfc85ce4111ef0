package com.zhaoshang.ledger.api.value;

/** The kinds of investor the seeds count by. */
public enum InvestorKind {
    /** 央企: central state-owned enterprise. */
    CENTRAL_SOE(false),
    /** 世界500强: Fortune Global 500. */
    FORTUNE_GLOBAL_500(false),
    /** 国内500强: China top 500. */
    CHINA_TOP_500(false),
    /** 民企: private enterprise. */
    PRIVATE(false),
    /** 外资: foreign-invested. */
    FOREIGN(true),
    /** 港澳台: Hong Kong, Macao, Taiwan. */
    HK_MACAO_TAIWAN(true);

    private final boolean overseas;

    InvestorKind(boolean overseas) {
        this.overseas = overseas;
    }

    /** Overseas investors name a country or region instead of a domestic credit code. */
    public boolean isOverseas() {
        return overseas;
    }
}
