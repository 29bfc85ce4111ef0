package com.zhaoshang.ledger.command.unit;

import com.zhaoshang.ledger.api.value.UnitId;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** A unit directory for fixtures: units are added by the test, not by events. */
public class InMemoryUnitDirectory implements UnitDirectory {

    private final Map<UnitId, Optional<UnitId>> parents = new HashMap<>();

    public InMemoryUnitDirectory with(String unit) {
        parents.put(new UnitId(unit), Optional.empty());
        return this;
    }

    public InMemoryUnitDirectory with(String unit, String parent) {
        parents.put(new UnitId(unit), Optional.of(new UnitId(parent)));
        return this;
    }

    @Override
    public boolean exists(UnitId unit) {
        return parents.containsKey(unit);
    }

    @Override
    public boolean isWithinSubtree(UnitId unit, UnitId ancestor) {
        if (!exists(unit) || !exists(ancestor)) {
            return false;
        }
        Optional<UnitId> current = Optional.of(unit);
        while (current.isPresent()) {
            if (current.get().equals(ancestor)) {
                return true;
            }
            current = parents.getOrDefault(current.get(), Optional.empty());
        }
        return false;
    }

    @Override
    public Optional<UnitId> parentOf(UnitId unit) {
        return parents.getOrDefault(unit, Optional.empty());
    }
}
