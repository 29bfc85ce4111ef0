-- Projection "approvals": approval requests (超时默认), their decision or deemed grant and the lapsed department.
CREATE TABLE approval_view (
    approval_id                 VARCHAR(255) COLLATE "C" PRIMARY KEY,
    project_id                  VARCHAR(255) COLLATE "C" NOT NULL,
    department_unit_id          VARCHAR(64)   NOT NULL,
    subject                     TEXT          NOT NULL,
    industrial                  BOOLEAN       NOT NULL,
    investment_amount           NUMERIC,
    investment_currency         VARCHAR(3),
    time_limit_days             INTEGER       NOT NULL,
    requested_on                DATE          NOT NULL,
    due_on                      DATE          NOT NULL,
    status                      VARCHAR(20)   NOT NULL,
    decided_on                  DATE,
    reason                      TEXT,
    responsible_department_id   VARCHAR(64),
    version                     BIGINT        NOT NULL,
    recorded_at                 TIMESTAMPTZ   NOT NULL
);
CREATE INDEX approval_view_status_idx ON approval_view (status, department_unit_id);
