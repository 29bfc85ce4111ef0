package com.zhaoshang.ledger.query.ranking;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import java.util.List;
import java.util.Set;

/** {@code GET /api/accountability?year=}: the year-close consequences (rules 6 and 7); leaders, inspectors and admins. */
@RestController
public class AccountabilityController {

    static final Set<String> READERS = Set.of("ROLE_LEADER", "ROLE_INSPECTOR", "ROLE_ADMIN");

    private final Accountability accountability;

    public AccountabilityController(Accountability accountability) {
        this.accountability = accountability;
    }

    @GetMapping("/api/accountability")
    public List<Accountability.Entry> handle(@RequestParam(required = false) Integer year, Authentication caller) {
        boolean reader = caller != null && caller.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .anyMatch(READERS::contains);
        if (!reader) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "leaders, inspectors and admins read the year-close consequences");
        }
        return accountability.ofYear(year);
    }
}
