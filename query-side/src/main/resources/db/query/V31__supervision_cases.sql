-- Projection "supervision" (continued): one row per supervision case, its status and overdue count.
CREATE TABLE supervision_case_view (
    case_id                  VARCHAR(255) COLLATE "C" NOT NULL PRIMARY KEY,
    subject                  TEXT         NOT NULL,
    project_id               VARCHAR(255),
    rule                     VARCHAR(32),
    lead_unit_id             VARCHAR(64)  NOT NULL,
    assisting_unit_ids       TEXT         NOT NULL,
    leader_name              TEXT,
    deadline_on              DATE         NOT NULL,
    reporting_frequency_days INTEGER      NOT NULL,
    status                   VARCHAR(32)  NOT NULL,
    overdue_count            INTEGER      NOT NULL DEFAULT 0,
    opened_on                DATE         NOT NULL,
    last_step_on             DATE         NOT NULL,
    version                  BIGINT       NOT NULL
);
CREATE INDEX supervision_case_view_unit_idx ON supervision_case_view (lead_unit_id);
