-- Projection "supervision" (ReportingFlagsProjection): rules 8 and 9 as inspectors read them.
-- One row per flagged verification (防止水份: verified short of reported beyond the threshold).
CREATE TABLE supervision_verification_gap (
    project_id        VARCHAR(255) COLLATE "C" NOT NULL,
    arrival_id        VARCHAR(255) COLLATE "C" NOT NULL,
    unit_id           VARCHAR(64)   NOT NULL,
    threshold_ratio   NUMERIC       NOT NULL,
    reported_amount   NUMERIC       NOT NULL,
    verified_amount   NUMERIC       NOT NULL,
    currency          VARCHAR(3)    NOT NULL,
    gap_ratio         NUMERIC       NOT NULL,
    verified_on       DATE          NOT NULL,
    recorded_at       TIMESTAMPTZ   NOT NULL,
    PRIMARY KEY (project_id, arrival_id)
);
-- One row per late entry, keyed by the flag's place in the project's stream.
CREATE TABLE supervision_late_entry (
    project_id      VARCHAR(255) COLLATE "C" NOT NULL,
    sequence        BIGINT        NOT NULL,
    unit_id         VARCHAR(64)   NOT NULL,
    fact_type       VARCHAR(100)  NOT NULL,
    threshold_days  INTEGER       NOT NULL,
    occurred_on     DATE          NOT NULL,
    recorded_on     DATE          NOT NULL,
    lag_days        BIGINT        NOT NULL,
    recorded_at     TIMESTAMPTZ   NOT NULL,
    PRIMARY KEY (project_id, sequence)
);
CREATE INDEX supervision_late_entry_recorded_idx ON supervision_late_entry (recorded_on);
