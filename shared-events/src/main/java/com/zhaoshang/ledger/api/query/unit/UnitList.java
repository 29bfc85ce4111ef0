package com.zhaoshang.ledger.api.query.unit;

import java.util.List;

/** Units in tree order. */
public record UnitList(List<UnitDetails> items) {

    public UnitList {
        items = List.copyOf(items);
    }
}
