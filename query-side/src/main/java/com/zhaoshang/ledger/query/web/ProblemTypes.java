package com.zhaoshang.ledger.query.web;

import com.zhaoshang.ledger.api.ErrorCode;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

import java.net.URI;
import java.util.List;

/**
 * The problem documents (RFC 9457) of the query side. Every kind of error has a stable {@code type}
 * ({@code /problems/<slug>}); the slugs shared with the command side come from {@link ErrorCode#slug()}.
 */
public final class ProblemTypes {

    /** Malformed or invalid request parameters; the problem lists them under {@code errors}. */
    public static final String VALIDATION = "validation";
    /** No credentials or wrong ones. */
    public static final String UNAUTHENTICATED = "unauthenticated";
    /** The id in the path names nothing the projections know. */
    public static final String NOT_FOUND = ErrorCode.UNKNOWN_REFERENCE.slug();
    public static final String FORBIDDEN = ErrorCode.FORBIDDEN.slug();
    public static final String INTERNAL = "internal";

    private ProblemTypes() {
    }

    public static ProblemDetail problem(HttpStatus status, String slug, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("/problems/" + slug));
        problem.setTitle(title);
        return problem;
    }

    public static ProblemDetail validation(String detail, List<FieldError> errors) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, VALIDATION, "Invalid request", detail);
        problem.setProperty("errors", errors);
        return problem;
    }

    /** One offending request parameter and what is wrong with it. */
    public record FieldError(String field, String message) {
    }
}
