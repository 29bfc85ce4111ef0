package com.zhaoshang.ledger.query.health;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A query route whose database cannot be reached answers {@code 503 application/problem+json}
 * (type {@code /problems/database-unavailable}, {@code Retry-After: 5}), not 500: the node is fine and recovers by
 * itself once the database answers again (the connection pool reconnects). Registered as the first exception
 * resolver, before the {@code @RestControllerAdvice}s, and it passes every other failure on to them unchanged.
 * Reads are side-effect free: a client simply retries.
 */
@Component("queryDatabaseUnavailableResolver")
public class DatabaseUnavailableResolver implements HandlerExceptionResolver, WebMvcConfigurer {

    private static final Logger log = LoggerFactory.getLogger(DatabaseUnavailableResolver.class);
    static final String BODY = "{\"type\":\"/problems/database-unavailable\",\"title\":\"Service unavailable\","
            + "\"status\":503,\"detail\":\"the database cannot be reached right now; nothing was stored, retry later\"}";

    @Override
    public void extendHandlerExceptionResolvers(List<HandlerExceptionResolver> resolvers) {
        if (resolvers.stream().noneMatch(r -> r.getClass() == getClass())) {
            resolvers.add(0, this);
        }
    }

    @Override
    public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler,
                                         Exception failure) {
        if (!DatabaseUnavailable.causedBy(failure) || response.isCommitted()) {
            return null;
        }
        log.warn("database unavailable for {} {}: {}", request.getMethod(), request.getRequestURI(), failure.toString());
        try {
            response.resetBuffer();
            response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
            response.setHeader("Retry-After", "5");
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            response.getWriter().write(BODY);
            response.flushBuffer();
        } catch (IOException e) {
            log.debug("could not write the 503 answer", e);
        }
        return new ModelAndView();
    }
}
