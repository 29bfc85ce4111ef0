package com.zhaoshang.ledger.api.accountability;

import java.util.List;

/** A unit of an annual campaign's final bulletin and the targets it missed there (empty: it met them all). */
public record UnitTargets(String unitId, List<MissedTarget> missed) {

    public UnitTargets {
        missed = missed == null ? List.of() : List.copyOf(missed);
    }
}
