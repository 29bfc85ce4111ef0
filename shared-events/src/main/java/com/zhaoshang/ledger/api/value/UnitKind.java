package com.zhaoshang.ledger.api.value;

/** Kinds of unit in the tree: 市 → 县/区 → 镇/街道, plus departments, zones and investment teams. */
public enum UnitKind {
    CITY, COUNTY, DISTRICT, TOWN, STREET, DEPARTMENT, ZONE, TEAM
}
