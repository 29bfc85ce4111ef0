package com.zhaoshang.ledger.query.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.zhaoshang.ledger.api.value.Actor;
import com.zhaoshang.ledger.query.web.ProblemTypes;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The audit routes are for inspectors and admins; every request to them is recorded before it is answered, the
 * refused ones too. Authentication is the security chain's business (HTTP Basic, authorities {@code ROLE_<Role>});
 * this guard only reads the result, so it holds whatever chain is configured in front of it.
 */
@Component
public class AuditAccessInterceptor implements HandlerInterceptor {

    /** The roles that may read the audit log. */
    static final Set<String> AUDIT_AUTHORITIES = Set.of("ROLE_INSPECTOR", "ROLE_ADMIN");

    private final AuditAccessLog accessLog;
    private final ObjectMapper json;

    public AuditAccessInterceptor(AuditAccessLog accessLog, ObjectMapper json) {
        this.accessLog = accessLog;
        this.json = json;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) throws IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated()
                || authentication instanceof AnonymousAuthenticationToken) {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"zhaoshang-ledger\"");
            problem(request, response, HttpStatus.UNAUTHORIZED, ProblemTypes.UNAUTHENTICATED, "Unauthorized",
                    "valid credentials are required");
            return false;
        }
        Set<String> authorities = authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .collect(Collectors.toCollection(TreeSet::new));
        boolean allowed = authorities.stream().anyMatch(AUDIT_AUTHORITIES::contains);
        // The query side's security makes the principal the user's Actor; any other principal is named by its name.
        Actor actor = authentication.getPrincipal() instanceof Actor a ? a : null;
        accessLog.record(actor != null ? actor.userId() : authentication.getName(),
                actor != null ? actor.unitId().value() : null, String.join(",", authorities), request.getMethod(),
                request.getRequestURI(), parameters(request),
                allowed ? AuditAccessLog.Outcome.GRANTED : AuditAccessLog.Outcome.DENIED);
        if (!allowed) {
            problem(request, response, HttpStatus.FORBIDDEN, ProblemTypes.FORBIDDEN, "Forbidden",
                    "the audit log is for inspectors (督查室) and admins");
            return false;
        }
        return true;
    }

    /** The request's parameters, decoded, in name order: {@code from=…&size=…}; null when none. */
    private static String parameters(HttpServletRequest request) {
        Map<String, String[]> parameters = new TreeMap<>(request.getParameterMap());
        if (parameters.isEmpty()) {
            return null;
        }
        return parameters.entrySet().stream()
                .flatMap(e -> Arrays.stream(e.getValue()).map(v -> e.getKey() + "=" + v))
                .collect(Collectors.joining("&"));
    }

    private void problem(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String slug,
                         String title, String detail) throws IOException {
        ProblemDetail problem = ProblemTypes.problem(status, slug, title, detail);
        problem.setInstance(URI.create(request.getRequestURI()));
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        json.writeValue(response.getOutputStream(), problem);
    }
}
