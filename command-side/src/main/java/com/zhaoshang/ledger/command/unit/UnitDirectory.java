package com.zhaoshang.ledger.command.unit;

import com.zhaoshang.ledger.api.value.UnitId;

import java.util.Optional;

/**
 * The unit tree as the command side knows it, for the set-based checks it owns (a unit exists, one unit lies within
 * another's subtree). Kept by {@link UnitDirectoryUpdater} in the same transaction as each {@code UnitRegisteredEvent}.
 */
public interface UnitDirectory {

    boolean exists(UnitId unit);

    /** True when {@code unit} is {@code ancestor} or lies below it; false when either is unknown. */
    boolean isWithinSubtree(UnitId unit, UnitId ancestor);

    /** The parent of a registered unit; empty for a root or an unknown unit. */
    Optional<UnitId> parentOf(UnitId unit);
}
