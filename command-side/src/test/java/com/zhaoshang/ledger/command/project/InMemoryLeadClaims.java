package com.zhaoshang.ledger.command.project;

import com.zhaoshang.ledger.api.value.CreditCode;
import com.zhaoshang.ledger.api.value.IndustryCode;
import com.zhaoshang.ledger.api.value.UnitId;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Lead claims for fixtures. */
class InMemoryLeadClaims implements LeadClaims {

    private record Key(CreditCode creditCode, IndustryCode industryCode) {
    }

    private final Map<Key, Claim> claims = new HashMap<>();

    @Override
    public Optional<Claim> ownerOf(CreditCode creditCode, IndustryCode industryCode) {
        return Optional.ofNullable(claims.get(new Key(creditCode, industryCode)));
    }

    @Override
    public boolean claim(CreditCode creditCode, IndustryCode industryCode, String projectId, UnitId unitId) {
        return claims.putIfAbsent(new Key(creditCode, industryCode), new Claim(projectId, unitId)) == null;
    }

    @Override
    public void releaseAllOf(String projectId) {
        claims.values().removeIf(claim -> claim.projectId().equals(projectId));
    }

    int size() {
        return claims.size();
    }
}
