-- Every audit query is itself recorded: inspectors are accountable too (docs/AUDIT.md, "Access").
-- Written before the answer is computed; a request that cannot be recorded is not answered.
CREATE TABLE audit_access_log (
    id           BIGSERIAL    PRIMARY KEY,
    accessed_at  TIMESTAMPTZ  NOT NULL,
    user_id      VARCHAR(255) NOT NULL,
    unit_id      VARCHAR(64),
    roles        VARCHAR(255) NOT NULL,
    method       VARCHAR(16)  NOT NULL,
    route        VARCHAR(1024) NOT NULL,
    parameters   TEXT,
    outcome      VARCHAR(16)  NOT NULL
);
CREATE INDEX audit_access_log_user ON audit_access_log (user_id, accessed_at);
CREATE INDEX audit_access_log_time ON audit_access_log (accessed_at);
