package com.zhaoshang.ledger.api.campaign;

/** Which bulletin (通报): 一周一快报、一月一调度、一季一评比, a campaign's final one, or one an admin asked for. */
public enum BulletinKind {
    /** 一周一快报: Monday to Sunday. */
    WEEKLY,
    /** 一月一调度: a calendar month. */
    MONTHLY,
    /** 一季一评比: a calendar quarter. */
    QUARTERLY,
    /** 年度考核: a calendar year of a peer group; its last-ranked units face the year-close consequences (rules 6, 7). */
    ANNUAL,
    /** The ranking of a campaign over its whole window. */
    CAMPAIGN_FINAL,
    /** Published by an admin for any period. */
    ON_DEMAND
}
