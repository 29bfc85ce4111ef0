package com.zhaoshang.ledger.api.query.unit;

import com.zhaoshang.ledger.api.value.UnitId;
import com.zhaoshang.ledger.api.value.UnitKind;

import java.time.Instant;

/**
 * A unit of the tree.
 *
 * @param parentId     {@code null} for a root
 * @param path         the ids from the root down to this unit, e.g. {@code /360800/360802/}
 * @param depth        0 for a root, 1 for its children, and so on
 * @param registeredAt when the unit was recorded
 */
public record UnitDetails(UnitId id, String name, UnitKind kind, UnitId parentId, String peerGroup, String path,
                          int depth, Instant registeredAt) {
}
