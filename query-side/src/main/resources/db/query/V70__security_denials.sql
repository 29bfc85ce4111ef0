-- Refused attempts (401, 403), for inspectors: GET /api/audit/denials (docs/SECURITY.md). The command side's V70
-- creates the same table; in one schema (single-process) whichever side migrates first creates it.
CREATE TABLE IF NOT EXISTS security_denial (
    id          BIGSERIAL     PRIMARY KEY,
    denied_at   TIMESTAMPTZ   NOT NULL,
    user_id     VARCHAR(255),
    role        VARCHAR(32),
    unit_id     VARCHAR(64),
    method      VARCHAR(16)   NOT NULL,
    path        VARCHAR(2048) NOT NULL,
    status      INTEGER       NOT NULL,
    reason      VARCHAR(1000) NOT NULL
);
CREATE INDEX IF NOT EXISTS security_denial_at ON security_denial (denied_at);
