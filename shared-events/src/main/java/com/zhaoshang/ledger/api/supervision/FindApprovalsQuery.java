package com.zhaoshang.ledger.api.supervision;

import com.zhaoshang.ledger.api.value.UnitId;

/**
 * The approval requests whose department or project belongs to a unit or its subunits ({@code unitId} null: all),
 * of one status ({@code status} null: any).
 */
public record FindApprovalsQuery(UnitId unitId, ApprovalStatus status) {
}
