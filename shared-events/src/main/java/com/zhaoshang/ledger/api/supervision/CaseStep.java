package com.zhaoshang.ledger.api.supervision;

/**
 * The steps of a supervision case (督办事项) after it is opened (督查事项), in the order the supervision offices
 * take them: leader review (领导审核) → issued to the responsible unit (下发) → acknowledged (签收) → handled (办理)
 * → reported back (反馈) → re-checked by the inspector (复核) → closed (办结).
 */
public enum CaseStep {
    REVIEW,
    ISSUE,
    ACKNOWLEDGE,
    HANDLE,
    REPORT_BACK,
    RECHECK,
    CLOSE
}
