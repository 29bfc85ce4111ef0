-- One row per (user, Idempotency-Key) of a command request.
-- IN_FLIGHT: claimed before the command is sent (claim_token names the claim, so a takeover of a stale claim
-- can be told apart from it). COMPLETED: the answer to give again (status, body, Location, ETag); a success is written
-- in the command's own transaction, atomic with its events.
CREATE TABLE idempotency_record (
    owner_user      VARCHAR(100)  NOT NULL,
    idem_key        VARCHAR(100)  NOT NULL,
    fingerprint     CHAR(64)      NOT NULL,
    state           VARCHAR(16)   NOT NULL CHECK (state IN ('IN_FLIGHT', 'COMPLETED')),
    claim_token     VARCHAR(36)   NOT NULL,
    response_status INTEGER,
    response_body   TEXT,
    location        VARCHAR(1000),
    etag            VARCHAR(40),
    created_at      TIMESTAMPTZ   NOT NULL,
    completed_at    TIMESTAMPTZ,
    PRIMARY KEY (owner_user, idem_key),
    CHECK (state = 'IN_FLIGHT' OR (response_status IS NOT NULL AND response_body IS NOT NULL AND completed_at IS NOT NULL))
);
-- For purging old records.
CREATE INDEX idempotency_record_created_at ON idempotency_record (created_at);
