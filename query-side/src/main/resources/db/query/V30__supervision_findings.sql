-- Projection "supervision": the findings of the supervision rules (one row per project and kind), open until a later
-- fact resolves them (construction start, termination, any lifecycle fact for "stalled", reclamation for idle land).
CREATE TABLE supervision_finding (
    project_id   VARCHAR(255) COLLATE "C" NOT NULL,
    kind         VARCHAR(32)   NOT NULL,
    rule         VARCHAR(32)   NOT NULL,
    unit_id      VARCHAR(64)   NOT NULL,
    since_on     DATE          NOT NULL,
    due_on       DATE          NOT NULL,
    deadline_on  DATE,
    rule_days    INTEGER       NOT NULL,
    detected_on  DATE          NOT NULL,
    leader_name  TEXT,
    parcel_id    TEXT,
    area_mu      NUMERIC,
    open         BOOLEAN       NOT NULL DEFAULT TRUE,
    resolved_on  DATE,
    recorded_at  TIMESTAMPTZ   NOT NULL,
    PRIMARY KEY (project_id, kind)
);
CREATE INDEX supervision_finding_open_idx ON supervision_finding (kind, unit_id) WHERE open;
