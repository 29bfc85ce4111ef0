package com.zhaoshang.ledger.command.web;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.InvalidNullException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * The command side's one exception-to-problem mapping ({@code application/problem+json}, RFC 9457). Scoped to the
 * command side's controllers (its root package, which also holds routes other capabilities add, such as campaigns),
 * so the query side's advice never competes with it in single-process mode; ordered before Boot's global
 * problem-details handler.
 * <ul>
 *   <li>malformed JSON → 400 {@code malformed-json}; unknown fields, wrong types, wrong enum values, bad dates →
 *   400 {@code validation} with {@code errors [{field, message}]}; bean validation → 400 {@code validation};
 *   a malformed {@code If-Match} or {@code Idempotency-Key} → 400 {@code validation} naming the header;</li>
 *   <li>refusals of the domain are answered by {@link CommandSender} through {@link CommandFailures};</li>
 *   <li>anything unexpected → 500 {@code internal-error} with an incident id; the cause goes to the log only.</li>
 * </ul>
 */
@RestControllerAdvice(basePackages = "com.zhaoshang.ledger.command")
@Order(Ordered.HIGHEST_PRECEDENCE)
public class CommandProblemAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(CommandProblemAdvice.class);

    @ExceptionHandler(InvalidHeaderException.class)
    public ResponseEntity<Object> invalidHeader(InvalidHeaderException e, WebRequest request) {
        return problem(Problems.validation(List.of(new FieldProblem(e.header(), e.getMessage()))));
    }

    @ExceptionHandler(AccessDeniedException.class)
    public ResponseEntity<Object> accessDenied(AccessDeniedException e, WebRequest request) {
        return problem(Problems.of(ProblemKind.FORBIDDEN, "your role may not send this command"));
    }

    @ExceptionHandler(AuthenticationException.class)
    public ResponseEntity<Object> unauthenticated(AuthenticationException e, WebRequest request) {
        return problem(Problems.of(ProblemKind.UNAUTHENTICATED, "this request needs HTTP Basic credentials"));
    }

    @ExceptionHandler(Exception.class)
    public ResponseEntity<Object> unexpected(Exception e, WebRequest request) {
        String incident = UUID.randomUUID().toString();
        log.error("incident {}: unexpected failure of {}", incident, request.getDescription(false), e);
        ProblemDetail problem = Problems.of(ProblemKind.INTERNAL_ERROR,
                "the command could not be processed because of an internal error; report incident " + incident);
        problem.setProperty("incident", incident);
        return problem(problem);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        List<FieldProblem> errors = new ArrayList<>();
        for (FieldError error : ex.getBindingResult().getFieldErrors()) {
            errors.add(new FieldProblem(error.getField(), Objects.requireNonNullElse(error.getDefaultMessage(), "is invalid")));
        }
        for (ObjectError error : ex.getBindingResult().getGlobalErrors()) {
            errors.add(new FieldProblem("(body)", Objects.requireNonNullElse(error.getDefaultMessage(), "is invalid")));
        }
        return problem(Problems.validation(errors));
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
                                                                            HttpHeaders headers, HttpStatusCode status,
                                                                            WebRequest request) {
        List<FieldProblem> errors = new ArrayList<>();
        ex.getParameterValidationResults().forEach(result -> {
            String parameter = Objects.requireNonNullElse(result.getMethodParameter().getParameterName(), "(parameter)");
            result.getResolvableErrors().forEach(error -> errors.add(new FieldProblem(
                    error instanceof FieldError field ? field.getField() : parameter,
                    Objects.requireNonNullElse(error.getDefaultMessage(), "is invalid"))));
        });
        return problem(Problems.validation(errors));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        return problem(unreadable(ex));
    }

    /** Gives Spring's own problems (405, 415, …) a type of ours and the problem media type. */
    @Override
    protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode statusCode,
                                                          WebRequest request) {
        ProblemDetail problem = body instanceof ProblemDetail p ? p : ProblemDetail.forStatus(statusCode);
        Problems.typeByStatus(problem);
        HttpHeaders out = new HttpHeaders();
        out.addAll(headers);
        out.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        return new ResponseEntity<>(problem, out, statusCode);
    }

    /** Why Jackson could not read the body, as fields where it can tell which. */
    static ProblemDetail unreadable(HttpMessageNotReadableException ex) {
        Throwable cause = ex.getCause();
        while (cause != null && !(cause instanceof JsonProcessingException)) {
            cause = cause.getCause();
        }
        if (cause == null) {
            return Problems.of(ProblemKind.MALFORMED_REQUEST, "the request needs a JSON object as its body");
        }
        if (!(cause instanceof JsonMappingException mapping)) {
            JsonLocation at = ((JsonProcessingException) cause).getLocation();
            String where = at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
            return Problems.of(ProblemKind.MALFORMED_JSON, "the body is not well-formed JSON" + where);
        }
        String field = pathOf(mapping);
        if (field.isEmpty()) {
            return Problems.of(ProblemKind.MALFORMED_REQUEST, "the request needs a JSON object as its body");
        }
        return Problems.validation(List.of(new FieldProblem(field, messageFor(mapping))));
    }

    private static String messageFor(JsonMappingException mapping) {
        if (mapping instanceof UnrecognizedPropertyException unknown) {
            Collection<Object> known = unknown.getKnownPropertyIds();
            return "is not a field of this request" + (known == null || known.isEmpty() ? ""
                    : "; its fields are " + String.join(", ", known.stream().map(String::valueOf).sorted().toList()));
        }
        if (mapping instanceof InvalidNullException) {
            return "must not be null";
        }
        if (mapping instanceof ValueInstantiationException) {
            return "has an invalid value";
        }
        if (mapping instanceof MismatchedInputException mismatch) {
            return expected(mismatch.getTargetType(), mismatch instanceof InvalidFormatException);
        }
        return "has an invalid value";
    }

    private static String expected(Class<?> type, boolean badValue) {
        if (type == null) {
            return "has an invalid value";
        }
        if (type.isEnum()) {
            return "must be one of " + String.join(", ", Arrays.stream(type.getEnumConstants()).map(String::valueOf).toList());
        }
        if (type == LocalDate.class) {
            return "must be a date written yyyy-MM-dd";
        }
        if (type == BigDecimal.class || type == BigInteger.class || Number.class.isAssignableFrom(type)
                || (type.isPrimitive() && type != boolean.class)) {
            return "must be a number (a JSON number or a string holding one)";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "must be true or false";
        }
        if (type == String.class) {
            return "must be a string";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "must be an array";
        }
        return badValue ? "has an invalid value" : "must be a JSON object";
    }

    private static String pathOf(JsonMappingException mapping) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : mapping.getPath()) {
            if (reference.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static ResponseEntity<Object> problem(ProblemDetail problem) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        return new ResponseEntity<>(problem, headers, HttpStatusCode.valueOf(problem.getStatus()));
    }
}
