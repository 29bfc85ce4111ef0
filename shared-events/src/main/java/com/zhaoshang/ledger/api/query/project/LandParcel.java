package com.zhaoshang.ledger.api.query.project;

import java.math.BigDecimal;

/** The land supplied to a project: its parcel and area in mu (亩). */
public record LandParcel(String parcelId, BigDecimal areaMu) {
}
