package com.zhaoshang.ledger.api;

/**
 * Why a command was refused. Aggregates throw a {@code CommandExecutionException} whose details are one of these;
 * the REST edge maps each once to an HTTP status and a stable problem type ({@code /problems/<kebab-name>}).
 */
public enum ErrorCode {
    /** The fact contradicts the current state (construction before signing, a second signing): 409. */
    ILLEGAL_TRANSITION(409),
    /** The client's If-Match version is not the aggregate's version: 409. */
    STALE_VERSION(409),
    /** The thing to create exists already (a unit id taken, a lead owned by some unit): 409. */
    ALREADY_EXISTS(409),
    /** A business rule refused the fact (amounts, dates, evidence): 422. */
    RULE_VIOLATED(422),
    /** A referenced unit, project or arrival does not exist: 422 when named in a body, 404 when in the path. */
    UNKNOWN_REFERENCE(422),
    /** The caller may not do this to that aggregate (its unit is not the caller's or below it): 403. */
    FORBIDDEN(403),
    /** Something the command needs is not available now (a bulletin's ranking: the views have not caught up): 503. */
    UNAVAILABLE(503);

    private final int httpStatus;

    ErrorCode(int httpStatus) {
        this.httpStatus = httpStatus;
    }

    public int httpStatus() {
        return httpStatus;
    }

    /** A stable problem type, e.g. {@code illegal-transition}. */
    public String slug() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
