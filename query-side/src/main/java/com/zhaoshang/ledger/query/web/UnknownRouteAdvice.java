package com.zhaoshang.ledger.query.web;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * A path no controller serves answers a 404 problem too, never Boot's default error page. Not scoped to a package
 * (no controller is involved) and last in order, so every controller's own advice comes first.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
public class UnknownRouteAdvice {

    @ExceptionHandler(NoResourceFoundException.class)
    public ResponseEntity<ProblemDetail> unknownRoute(NoResourceFoundException e) {
        ProblemDetail problem = ProblemTypes.problem(HttpStatus.NOT_FOUND, "unknown-route", "Not found",
                "no route " + e.getHttpMethod() + " /" + e.getResourcePath());
        return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
