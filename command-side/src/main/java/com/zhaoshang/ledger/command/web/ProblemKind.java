package com.zhaoshang.ledger.command.web;

import org.springframework.http.HttpStatus;

/**
 * The kinds of problem the command side answers besides the domain's {@link com.zhaoshang.ledger.api.ErrorCode}s.
 * Each has a stable type {@code /problems/<slug>} clients may switch on.
 */
public enum ProblemKind {
    VALIDATION(HttpStatus.BAD_REQUEST, "Invalid request"),
    MALFORMED_JSON(HttpStatus.BAD_REQUEST, "Malformed JSON"),
    MALFORMED_REQUEST(HttpStatus.BAD_REQUEST, "Malformed request"),
    UNAUTHENTICATED(HttpStatus.UNAUTHORIZED, "Authentication required"),
    FORBIDDEN(HttpStatus.FORBIDDEN, "Forbidden"),
    NOT_FOUND(HttpStatus.NOT_FOUND, "Not found"),
    METHOD_NOT_ALLOWED(HttpStatus.METHOD_NOT_ALLOWED, "Method not allowed"),
    NOT_ACCEPTABLE(HttpStatus.NOT_ACCEPTABLE, "Not acceptable"),
    CONFLICT(HttpStatus.CONFLICT, "Concurrent modification"),
    ALREADY_EXISTS(HttpStatus.CONFLICT, "Already exists"),
    IDEMPOTENCY_KEY_IN_FLIGHT(HttpStatus.CONFLICT, "Request still in progress"),
    PAYLOAD_TOO_LARGE(HttpStatus.PAYLOAD_TOO_LARGE, "Payload too large"),
    UNSUPPORTED_MEDIA_TYPE(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported media type"),
    IDEMPOTENCY_KEY_REUSED(HttpStatus.UNPROCESSABLE_ENTITY, "Idempotency-Key reused"),
    INTERNAL_ERROR(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error");

    private final HttpStatus status;
    private final String title;

    ProblemKind(HttpStatus status, String title) {
        this.status = status;
        this.title = title;
    }

    public HttpStatus status() {
        return status;
    }

    public String title() {
        return title;
    }

    public String slug() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
