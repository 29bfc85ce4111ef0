package com.zhaoshang.ledger.api.value;

/** Activities that count against targets before there is a project. */
public enum ActivityKind {
    /** 外出走访企业. */
    COMPANY_VISIT,
    /** 邀请客商来考察. */
    INVESTOR_INSPECTION,
    /** 推介会. */
    PROMOTION_EVENT,
    /** 外出招商批次. */
    OUTBOUND_TRIP
}
