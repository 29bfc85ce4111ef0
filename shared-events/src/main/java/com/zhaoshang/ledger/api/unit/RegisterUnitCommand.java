package com.zhaoshang.ledger.api.unit;

import com.zhaoshang.ledger.api.value.UnitId;
import com.zhaoshang.ledger.api.value.UnitKind;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Registers a unit in the tree. {@code parentId} is null only for a root (a city); {@code peerGroup} names the
 * units it is ranked against (towns against towns, departments against departments).
 */
public record RegisterUnitCommand(@TargetAggregateIdentifier UnitId unitId, String name, UnitKind kind,
                                  UnitId parentId, String peerGroup) {
}
