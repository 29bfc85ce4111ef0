package com.zhaoshang.ledger.command.supervision;

import com.zhaoshang.ledger.api.value.IndustryCode;
import com.zhaoshang.ledger.api.value.Money;

import java.util.Optional;

/** What the approval rule needs to know of a project: whether it is industrial and how much it invests. */
public interface ProjectInvestments {

    /** The project's investment; empty when no project has this id. */
    Optional<ProjectInvestment> of(String projectId);

    /**
     * @param investment the contract amount once signed, else the intent agreement's amount, else the lead's
     *                   intended amount (null if none was given)
     */
    record ProjectInvestment(String projectId, IndustryCode industryCode, Money investment) {

        public boolean industrial() {
            return industryCode != null && industryCode.isIndustrial();
        }
    }
}
