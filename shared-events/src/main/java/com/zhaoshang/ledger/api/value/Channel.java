package com.zhaoshang.ledger.api.value;

/** How a lead was found: the six modes of attracting investment (六大招商模式), and any other. */
public enum Channel {
    /** 驻地招商: resident teams in target cities. */
    RESIDENT,
    /** 上门招商: visiting companies. */
    DOOR_TO_DOOR,
    /** 以商招商: through existing investors. */
    BUSINESS_REFERRAL,
    /** 借会招商: at fairs and promotion events. */
    FAIR,
    /** 以情招商: through hometown and personal ties. */
    KINSHIP,
    /** 中介招商: through intermediaries. */
    INTERMEDIARY,
    /** Anything else. */
    OTHER
}
