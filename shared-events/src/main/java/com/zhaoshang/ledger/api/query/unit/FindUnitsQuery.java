package com.zhaoshang.ledger.api.query.unit;

import com.zhaoshang.ledger.api.value.UnitKind;
import com.zhaoshang.ledger.api.value.UnitId;

/**
 * Units of the tree in tree order (by path), answered with a {@link UnitList}. Every filter is optional.
 *
 * @param under     only this unit and the units below it
 * @param peerGroup only units ranked in this peer group
 * @param kind      only units of this kind
 */
public record FindUnitsQuery(UnitId under, String peerGroup, UnitKind kind) {

    public static FindUnitsQuery all() {
        return new FindUnitsQuery(null, null, null);
    }
}
