package com.zhaoshang.ledger.query.observability;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The query side's half of request correlation: the client's {@code X-Correlation-Id} (a plain token of at most 64
 * characters) or a new UUID, echoed in the answer and kept in the MDC ({@code correlationId}) while the request runs.
 * In single-process mode the command side's filter runs first and sets the same request attribute; then this one
 * leaves the id alone.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
public class QueryCorrelationIdFilter extends OncePerRequestFilter {

    public static final String HEADER = "X-Correlation-Id";
    public static final String MDC_KEY = "correlationId";
    static final String ATTRIBUTE = "ledger.correlationId";
    private static final Pattern ACCEPTED = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getAttribute(ATTRIBUTE) != null) {
            chain.doFilter(request, response);
            return;
        }
        String header = request.getHeader(HEADER);
        String id = header != null && ACCEPTED.matcher(header).matches() ? header : UUID.randomUUID().toString();
        request.setAttribute(ATTRIBUTE, id);
        response.setHeader(HEADER, id);
        MDC.put(MDC_KEY, id);
        try {
            chain.doFilter(request, response);
        } finally {
            MDC.remove(MDC_KEY);
        }
    }
}
