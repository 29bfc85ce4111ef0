package com.zhaoshang.ledger.command.project;

import com.zhaoshang.ledger.api.value.CreditCode;
import com.zhaoshang.ledger.api.value.IndustryCode;
import com.zhaoshang.ledger.api.value.UnitId;

import java.util.Optional;

/**
 * Which live project owns a lead: one investor (by unified social credit code) in one industry belongs to one project
 * of one unit, so the same lead is never counted by two units (a county's lead reported again by the city). A claim
 * is taken in the lead registration's transaction and released when its project is abandoned or its contract
 * terminated. Leads without a credit code are not claimed.
 */
public interface LeadClaims {

    /** The project and unit owning this investor in this industry, if a live project does. */
    Optional<Claim> ownerOf(CreditCode creditCode, IndustryCode industryCode);

    /**
     * Takes the claim for the project; false when another project holds it already (also when that project's
     * registration is committing at the same moment).
     */
    boolean claim(CreditCode creditCode, IndustryCode industryCode, String projectId, UnitId unitId);

    /** Releases every claim of the project (it ended). */
    void releaseAllOf(String projectId);

    /** A live project owning a lead. */
    record Claim(String projectId, UnitId unitId) {
    }
}
