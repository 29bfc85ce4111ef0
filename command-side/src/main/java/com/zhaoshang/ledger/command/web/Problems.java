package com.zhaoshang.ledger.command.web;

import com.zhaoshang.ledger.api.ErrorCode;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

import java.net.URI;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;

/** Builds the command side's RFC 9457 problems: a stable {@code type} ({@code /problems/<slug>}), title, status, detail. */
public final class Problems {

    public static final String TYPE_PREFIX = "/problems/";
    public static final String ERRORS = "errors";
    /** A path of RFC 3986 characters with well-formed percent escapes. */
    private static final Pattern URI_PATH = Pattern.compile("/(?:[A-Za-z0-9\\-._~!$&'()*+,;=:@/]|%[0-9A-Fa-f]{2})*");

    private Problems() {
    }

    public static ProblemDetail of(ProblemKind kind, String detail) {
        return build(kind.status(), kind.slug(), kind.title(), detail);
    }

    /** A 400 naming the offending fields, sorted so that the same input always gives the same answer. */
    public static ProblemDetail validation(Collection<FieldProblem> errors) {
        List<FieldProblem> sorted = errors.stream().sorted().distinct().toList();
        String detail = sorted.size() == 1
                ? "1 field is invalid: " + sorted.get(0).field()
                : sorted.size() + " fields are invalid: " + String.join(", ", sorted.stream().map(FieldProblem::field).distinct().toList());
        ProblemDetail problem = of(ProblemKind.VALIDATION, detail);
        problem.setProperty(ERRORS, sorted);
        return problem;
    }

    /** A domain refusal; {@code status} may differ from {@link ErrorCode#httpStatus()} (unknown path ids are 404). */
    public static ProblemDetail refusal(ErrorCode code, HttpStatusCode status, String detail) {
        return build(status, code.slug(), titleOf(code), detail);
    }

    /** Gives a problem Spring built (type {@code about:blank}) a type of ours, chosen by its status. */
    public static void typeByStatus(ProblemDetail problem) {
        if (problem.getType() != null && !"about:blank".equals(problem.getType().toString())) {
            return;
        }
        ProblemKind kind = switch (HttpStatus.valueOf(problem.getStatus())) {
            case BAD_REQUEST -> ProblemKind.MALFORMED_REQUEST;
            case UNAUTHORIZED -> ProblemKind.UNAUTHENTICATED;
            case FORBIDDEN -> ProblemKind.FORBIDDEN;
            case NOT_FOUND -> ProblemKind.NOT_FOUND;
            case METHOD_NOT_ALLOWED -> ProblemKind.METHOD_NOT_ALLOWED;
            case NOT_ACCEPTABLE -> ProblemKind.NOT_ACCEPTABLE;
            case CONFLICT -> ProblemKind.CONFLICT;
            case PAYLOAD_TOO_LARGE -> ProblemKind.PAYLOAD_TOO_LARGE;
            case UNSUPPORTED_MEDIA_TYPE -> ProblemKind.UNSUPPORTED_MEDIA_TYPE;
            case UNPROCESSABLE_ENTITY -> ProblemKind.VALIDATION;
            default -> ProblemKind.INTERNAL_ERROR;
        };
        problem.setType(URI.create(TYPE_PREFIX + kind.slug()));
        if (problem.getTitle() == null) {
            problem.setTitle(kind.title());
        }
    }

    /** The (raw, percent-encoded) request path as the problem's {@code instance}; anything else is left out. */
    public static void setInstance(ProblemDetail problem, String path) {
        if (path != null && URI_PATH.matcher(path).matches()) {
            problem.setInstance(URI.create(path));
        }
    }

    private static ProblemDetail build(HttpStatusCode status, String slug, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE_PREFIX + slug));
        problem.setTitle(title);
        return problem;
    }

    private static String titleOf(ErrorCode code) {
        return switch (code) {
            case ILLEGAL_TRANSITION -> "Illegal transition";
            case STALE_VERSION -> "Stale version";
            case ALREADY_EXISTS -> "Already exists";
            case RULE_VIOLATED -> "Business rule violated";
            case UNKNOWN_REFERENCE -> "Unknown reference";
            case FORBIDDEN -> "Forbidden";
            case UNAVAILABLE -> "Unavailable";
        };
    }
}
