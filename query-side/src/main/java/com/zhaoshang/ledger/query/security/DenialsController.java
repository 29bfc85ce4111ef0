package com.zhaoshang.ledger.query.security;

import com.zhaoshang.ledger.query.web.InvalidParametersException;
import com.zhaoshang.ledger.query.web.ProblemTypes;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code GET /api/audit/denials?from=&to=&userId=&page=0&size=50}: refused attempts (who, what, why, when), newest
 * first, for inspectors and admins. Under {@code /api/audit/**}, so the audit guard also records every read of it.
 */
@RestController
public class DenialsController {

    private static final Set<String> AUDITORS = Set.of("ROLE_INSPECTOR", "ROLE_ADMIN");

    private final QueryDenialLog denials;

    public DenialsController(QueryDenialLog denials) {
        this.denials = denials;
    }

    @GetMapping("/api/audit/denials")
    public ResponseEntity<Map<String, Object>> handle(@RequestParam(required = false) String from,
                                                      @RequestParam(required = false) String to,
                                                      @RequestParam(required = false) String userId,
                                                      @RequestParam(defaultValue = "0") String page,
                                                      @RequestParam(defaultValue = "50") String size) {
        requireAuditor();
        int pageNumber = number("page", page, 0, 100_000);
        int pageSize = number("size", size, 1, 500);
        List<QueryDenialLog.Denial> found = denials.find(instant("from", from), instant("to", to),
                userId == null || userId.isBlank() ? null : userId, pageNumber, pageSize);
        return ResponseEntity.ok(Map.of("page", pageNumber, "size", pageSize, "denials", found));
    }

    private static void requireAuditor() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        boolean auditor = authentication != null && authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority).anyMatch(AUDITORS::contains);
        if (!auditor) {
            throw new ErrorResponseException(HttpStatus.FORBIDDEN, ProblemTypes.problem(HttpStatus.FORBIDDEN,
                    ProblemTypes.FORBIDDEN, "Forbidden", "the denial log is for inspectors and admins"), null);
        }
    }

    private static Instant instant(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw invalid(name, "must be an ISO-8601 instant such as 2026-01-01T00:00:00Z");
        }
    }

    private static int number(String name, String value, int min, int max) {
        try {
            int n = Integer.parseInt(value);
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            throw invalid(name, "must be a whole number from " + min + " to " + max);
        }
        throw invalid(name, "must be a whole number from " + min + " to " + max);
    }

    private static RuntimeException invalid(String name, String message) {
        return new InvalidParametersException(List.of(new ProblemTypes.FieldError(name, message)));
    }
}
