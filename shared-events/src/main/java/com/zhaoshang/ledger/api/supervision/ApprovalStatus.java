package com.zhaoshang.ledger.api.supervision;

/** Where an approval request stands: waiting, decided by its department, or deemed granted when its limit lapsed. */
public enum ApprovalStatus {
    PENDING,
    GRANTED,
    REFUSED,
    /** 超时默认: the department let the time limit lapse; it stays responsible. */
    DEEMED_GRANTED
}
