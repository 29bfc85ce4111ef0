package com.zhaoshang.ledger.query.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.server.ResponseStatusException;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Turns every error of the query side's read routes into {@code application/problem+json}: 400 with the offending
 * parameters under {@code errors}, 404 for an unknown id, 500 without internals. It applies only to the query side's
 * controllers (in single-process mode the command side has its own advice, and because that one extends
 * {@code ResponseEntityExceptionHandler}, Boot's generic problem-details handler is then absent: every query error
 * must be answered here).
 */
@RestControllerAdvice(basePackages = "com.zhaoshang.ledger.query")
@Order(Ordered.HIGHEST_PRECEDENCE)
public class QueryProblemAdvice {

    private static final Logger log = LoggerFactory.getLogger(QueryProblemAdvice.class);

    @ExceptionHandler(UnknownResourceException.class)
    public ResponseEntity<ProblemDetail> unknown(UnknownResourceException e) {
        return answer(ProblemTypes.problem(HttpStatus.NOT_FOUND, ProblemTypes.NOT_FOUND, "Not found", e.getMessage()));
    }

    /** A controller's own refusal: 404 is an unknown reference, 400 invalid parameters, each with its detail. */
    @ExceptionHandler(ResponseStatusException.class)
    public ResponseEntity<ProblemDetail> refused(ResponseStatusException e) {
        HttpStatus status = HttpStatus.valueOf(e.getStatusCode().value());
        if (status == HttpStatus.NOT_FOUND) {
            return answer(ProblemTypes.problem(status, ProblemTypes.NOT_FOUND, "Not found", e.getReason()));
        }
        if (status == HttpStatus.BAD_REQUEST) {
            return answer(ProblemTypes.validation(e.getReason(), List.of()));
        }
        return unexpected(e);
    }

    @ExceptionHandler(InvalidParametersException.class)
    public ResponseEntity<ProblemDetail> invalid(InvalidParametersException e) {
        return answer(ProblemTypes.validation("invalid request parameters", e.errors()));
    }

    @ExceptionHandler(HandlerMethodValidationException.class)
    public ResponseEntity<ProblemDetail> invalid(HandlerMethodValidationException e) {
        List<ProblemTypes.FieldError> errors = new ArrayList<>();
        for (ParameterValidationResult result : e.getParameterValidationResults()) {
            String field = parameterName(result);
            result.getResolvableErrors().forEach(error -> errors.add(
                    new ProblemTypes.FieldError(field, error.getDefaultMessage())));
        }
        return answer(ProblemTypes.validation("invalid request parameters", errors));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    public ResponseEntity<ProblemDetail> mismatch(MethodArgumentTypeMismatchException e) {
        String message = expectation(e.getRequiredType());
        return answer(ProblemTypes.validation("invalid request parameters",
                List.of(new ProblemTypes.FieldError(e.getName(), message))));
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    public ResponseEntity<ProblemDetail> missing(MissingServletRequestParameterException e) {
        return answer(ProblemTypes.validation("invalid request parameters",
                List.of(new ProblemTypes.FieldError(e.getParameterName(), "is required"))));
    }

    /** Spring's own errors (405, 406, …) keep their status; anything else is a 500 without internals. */
    @ExceptionHandler(Exception.class)
    public ResponseEntity<ProblemDetail> unexpected(Exception e) {
        if (e instanceof ErrorResponse response && response.getStatusCode().is4xxClientError()) {
            HttpStatus status = HttpStatus.valueOf(response.getStatusCode().value());
            String slug = status.getReasonPhrase().toLowerCase(Locale.ROOT).replace(' ', '-');
            return answer(ProblemTypes.problem(status, slug, status.getReasonPhrase(), response.getBody().getDetail()));
        }
        log.error("query failed", e);
        return answer(ProblemTypes.problem(HttpStatus.INTERNAL_SERVER_ERROR, ProblemTypes.INTERNAL,
                "Internal error", "the query could not be answered; the error was logged"));
    }

    private static ResponseEntity<ProblemDetail> answer(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    private static String parameterName(ParameterValidationResult result) {
        RequestParam param = result.getMethodParameter().getParameterAnnotation(RequestParam.class);
        if (param != null && !param.name().isEmpty()) {
            return param.name();
        }
        if (param != null && !param.value().isEmpty()) {
            return param.value();
        }
        return result.getMethodParameter().getParameterName();
    }

    private static String expectation(Class<?> type) {
        if (type == null) {
            return "has the wrong type";
        }
        if (type.isEnum()) {
            return "must be one of " + Arrays.toString(type.getEnumConstants());
        }
        if (type == LocalDate.class) {
            return "must be an ISO date yyyy-MM-dd";
        }
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            return "must be a whole number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "must be true or false";
        }
        return "must be a valid " + type.getSimpleName();
    }
}
