package com.zhaoshang.ledger.command.observability;

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
 * Gives every request a correlation id: the client's {@code X-Correlation-Id} when it is a plain token (letters,
 * digits, {@code . _ : -}, at most 64), else a new UUID. The id is echoed in the answer's header, sits in the MDC
 * (key {@code correlationId}) while the request runs, goes into every command's metadata
 * ({@link CommandCorrelation}) and from there into the events the command causes.
 * <p>
 * Runs first, before security, so refusals carry the id too. In single-process mode the query side's filter sees
 * the id already set and leaves it alone.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class CorrelationIdFilter extends OncePerRequestFilter {

    public static final String HEADER = "X-Correlation-Id";
    public static final String MDC_KEY = "correlationId";
    /** The request attribute both sides' filters use, so only the first one sets the id. */
    public static final String ATTRIBUTE = "ledger.correlationId";
    private static final Pattern ACCEPTED = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getAttribute(ATTRIBUTE) != null) {
            chain.doFilter(request, response);
            return;
        }
        String id = accepted(request.getHeader(HEADER));
        request.setAttribute(ATTRIBUTE, id);
        response.setHeader(HEADER, id);
        MDC.put(MDC_KEY, id);
        try {
            chain.doFilter(request, response);
        } finally {
            MDC.remove(MDC_KEY);
        }
    }

    /** The client's id when it is a plain token, else a new one (a header is never logged as sent). */
    static String accepted(String header) {
        if (header != null && ACCEPTED.matcher(header).matches()) {
            return header;
        }
        return UUID.randomUUID().toString();
    }
}
