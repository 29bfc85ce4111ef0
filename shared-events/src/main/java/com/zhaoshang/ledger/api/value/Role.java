package com.zhaoshang.ledger.api.value;

/** The five roles of DOMAIN.md. */
public enum Role {
    /** 招商小组/小分队 staff: record the facts of their own unit's projects. */
    FRONT_OFFICE,
    /** 市招商局/考核认定: verify registrations and capital; only verified figures count. */
    VERIFIER,
    /** 领导: read rankings, conversion, progress and bulletins; never write lifecycle facts. */
    LEADER,
    /** 督查室: read the audit log, open and close supervision cases. */
    INSPECTOR,
    /** 招委会 secretariat: units, targets, campaigns and rule parameters. */
    ADMIN
}
