package com.zhaoshang.ledger.api.unit;

import com.zhaoshang.ledger.api.value.UnitId;
import com.zhaoshang.ledger.api.value.UnitKind;
import org.axonframework.serialization.Revision;

/** A unit joined the tree under {@code parentId} (null for a root), ranked within {@code peerGroup}. */
@Revision("1")
public record UnitRegisteredEvent(UnitId unitId, String name, UnitKind kind, UnitId parentId, String peerGroup) {
}
