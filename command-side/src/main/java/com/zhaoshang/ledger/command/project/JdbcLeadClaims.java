package com.zhaoshang.ledger.command.project;

import com.zhaoshang.ledger.api.value.CreditCode;
import com.zhaoshang.ledger.api.value.IndustryCode;
import com.zhaoshang.ledger.api.value.UnitId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * Lead claims in table {@code lead_claim} (primary key credit code + industry code). Every statement joins the
 * transaction of the command being handled, so a claim commits or rolls back with the lead's event.
 */
@Component
public class JdbcLeadClaims implements LeadClaims {

    private final JdbcClient jdbc;

    public JdbcLeadClaims(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<Claim> ownerOf(CreditCode creditCode, IndustryCode industryCode) {
        return jdbc.sql("SELECT project_id, unit_id FROM lead_claim WHERE credit_code = ? AND industry_code = ?")
                .params(creditCode.value(), industryCode.value())
                .query((rs, n) -> new Claim(rs.getString("project_id"), new UnitId(rs.getString("unit_id"))))
                .optional();
    }

    @Override
    public boolean claim(CreditCode creditCode, IndustryCode industryCode, String projectId, UnitId unitId) {
        // A concurrent claim of the same key waits here for the other transaction and then inserts nothing.
        int inserted = jdbc.sql("""
                        INSERT INTO lead_claim (credit_code, industry_code, project_id, unit_id)
                        VALUES (?, ?, ?, ?)
                        ON CONFLICT (credit_code, industry_code) DO NOTHING""")
                .params(creditCode.value(), industryCode.value(), projectId, unitId.value())
                .update();
        return inserted == 1;
    }

    @Override
    public void releaseAllOf(String projectId) {
        jdbc.sql("DELETE FROM lead_claim WHERE project_id = ?").param(projectId).update();
    }
}
