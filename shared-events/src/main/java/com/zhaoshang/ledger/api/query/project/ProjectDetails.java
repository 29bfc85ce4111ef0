package com.zhaoshang.ledger.api.query.project;

import com.zhaoshang.ledger.api.value.Channel;
import com.zhaoshang.ledger.api.value.Evidence;
import com.zhaoshang.ledger.api.value.IndustryCode;
import com.zhaoshang.ledger.api.value.Investor;
import com.zhaoshang.ledger.api.value.Money;
import com.zhaoshang.ledger.api.value.ProjectStage;
import com.zhaoshang.ledger.api.value.ResponsibleLeader;
import com.zhaoshang.ledger.api.value.UnitId;

import java.time.Instant;
import java.util.List;

/**
 * A project as the projection knows it: every fact recorded so far, the capital reported and verified, and
 * {@code version}, the sequence number of the last event applied (the aggregate version a client sends back in
 * {@code If-Match}). Absent facts are {@code null}; the lists are never null.
 *
 * @param ceremony               the signing ceremony of the one signing that counts
 * @param presentedAtCeremonies  later ceremonies the signed project was presented at (history only, never counted)
 * @param registrationEvidence   what the verifier relied on to register the project (入库)
 * @param endReason              why the project was abandoned or its contract terminated
 * @param firstRecordedAt        when the lead was recorded
 * @param lastRecordedAt         when the last event was recorded
 */
public record ProjectDetails(String id, String name, UnitId unitId, ProjectStage stage, boolean registered,
                             Investor investor, IndustryCode industryCode, boolean industrial, Channel channel,
                             Money intendedAmount, Money intentAmount, Money contractAmount, String ceremony,
                             List<CeremonyPresentation> presentedAtCeremonies, ResponsibleLeader responsibleLeader,
                             Milestones milestones, Evidence registrationEvidence, String endReason, LandParcel land,
                             List<CapitalArrival> capitalArrivals, CapitalTotals capital, long version,
                             Instant firstRecordedAt, Instant lastRecordedAt) {

    public ProjectDetails {
        presentedAtCeremonies = List.copyOf(presentedAtCeremonies);
        capitalArrivals = List.copyOf(capitalArrivals);
    }
}
