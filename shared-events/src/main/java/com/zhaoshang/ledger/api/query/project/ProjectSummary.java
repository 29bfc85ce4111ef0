package com.zhaoshang.ledger.api.query.project;

import com.zhaoshang.ledger.api.value.Channel;
import com.zhaoshang.ledger.api.value.IndustryCode;
import com.zhaoshang.ledger.api.value.Investor;
import com.zhaoshang.ledger.api.value.Money;
import com.zhaoshang.ledger.api.value.ProjectStage;
import com.zhaoshang.ledger.api.value.ResponsibleLeader;
import com.zhaoshang.ledger.api.value.UnitId;

import java.time.Instant;

/** A project as a row of a listing: its main facts without the capital arrivals and ceremonies. */
public record ProjectSummary(String id, String name, UnitId unitId, ProjectStage stage, boolean registered,
                             Investor investor, IndustryCode industryCode, boolean industrial, Channel channel,
                             Money intendedAmount, Money intentAmount, Money contractAmount,
                             ResponsibleLeader responsibleLeader, Milestones milestones, long version,
                             Instant lastRecordedAt) {
}
