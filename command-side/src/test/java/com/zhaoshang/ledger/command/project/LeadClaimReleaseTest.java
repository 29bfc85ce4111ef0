package com.zhaoshang.ledger.command.project;

import com.zhaoshang.ledger.api.project.ContractTerminatedEvent;
import com.zhaoshang.ledger.api.project.ProjectAbandonedEvent;
import com.zhaoshang.ledger.api.value.CreditCode;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static com.zhaoshang.ledger.command.project.ProjectTestData.*;
import static org.assertj.core.api.Assertions.assertThat;

/** A claim lives as long as its project. */
class LeadClaimReleaseTest {

    private static final CreditCode OTHER_CODE = new CreditCode("91110108MA01ABCDE" + CreditCode.checkCharacterFor("91110108MA01ABCDE"));

    @Test
    void anAbandonedProjectReleasesItsClaimOnly() {
        InMemoryLeadClaims claims = new InMemoryLeadClaims();
        claims.claim(CREDIT_CODE, INDUSTRY, PROJECT, UNIT);
        claims.claim(OTHER_CODE, INDUSTRY, "another-project", OTHER_UNIT);

        new LeadClaimRelease(claims).on(new ProjectAbandonedEvent(PROJECT, "转向外省", LocalDate.of(2024, 5, 1)));

        assertThat(claims.ownerOf(CREDIT_CODE, INDUSTRY)).isEmpty();
        assertThat(claims.ownerOf(OTHER_CODE, INDUSTRY)).contains(new LeadClaims.Claim("another-project", OTHER_UNIT));
    }

    @Test
    void aTerminatedContractReleasesItsClaim() {
        InMemoryLeadClaims claims = new InMemoryLeadClaims();
        claims.claim(CREDIT_CODE, INDUSTRY, PROJECT, UNIT);

        new LeadClaimRelease(claims).on(new ContractTerminatedEvent(PROJECT, "未履约", LocalDate.of(2024, 5, 1)));

        assertThat(claims.ownerOf(CREDIT_CODE, INDUSTRY)).isEmpty();
    }
}
