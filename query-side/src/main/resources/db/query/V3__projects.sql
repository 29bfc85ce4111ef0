-- Projection "projects": one row per project, its capital arrivals and the ceremonies it was presented at.
-- version is the aggregate sequence number of the last event applied: an event at or below it is a re-delivery
-- and changes nothing. Money is NUMERIC(18,2) with its currency beside it (CNY and USD are never converted).
CREATE TABLE project_view (
    id                              VARCHAR(255) COLLATE "C" NOT NULL PRIMARY KEY,
    name                            TEXT          NOT NULL,
    unit_id                         VARCHAR(64)   NOT NULL,
    stage                           VARCHAR(32)   NOT NULL,
    registered                      BOOLEAN       NOT NULL DEFAULT FALSE,
    investor_name                   TEXT          NOT NULL,
    investor_credit_code            VARCHAR(18),
    investor_country                VARCHAR(8),
    investor_kind                   VARCHAR(32)   NOT NULL,
    industry_code                   VARCHAR(5)    NOT NULL,
    industrial                      BOOLEAN       NOT NULL,
    channel                         VARCHAR(32)   NOT NULL,
    intended_amount                 NUMERIC(18,2),
    intended_currency               VARCHAR(3),
    intent_amount                   NUMERIC(18,2),
    intent_currency                 VARCHAR(3),
    contract_amount                 NUMERIC(18,2),
    contract_currency               VARCHAR(3),
    ceremony                        TEXT,
    leader_name                     TEXT,
    leader_title                    TEXT,
    leader_user_id                  TEXT,
    registration_evidence_kind      VARCHAR(64),
    registration_evidence_reference TEXT,
    lead_on                         DATE          NOT NULL,
    negotiation_on                  DATE,
    intent_on                       DATE,
    signed_on                       DATE,
    registered_on                   DATE,
    land_on                         DATE,
    construction_started_on         DATE,
    completed_on                    DATE,
    production_started_on           DATE,
    ended_on                        DATE,
    end_reason                      TEXT,
    land_parcel_id                  TEXT,
    land_area_mu                    NUMERIC,
    version                         BIGINT        NOT NULL,
    first_recorded_at               TIMESTAMPTZ   NOT NULL,
    last_recorded_at                TIMESTAMPTZ   NOT NULL
);
CREATE INDEX project_view_recent_idx ON project_view (last_recorded_at DESC, id);
CREATE INDEX project_view_unit_idx ON project_view (unit_id);
CREATE INDEX project_view_stage_idx ON project_view (stage);

CREATE TABLE project_capital_arrival (
    project_id         VARCHAR(255)  NOT NULL REFERENCES project_view (id) ON DELETE CASCADE,
    arrival_id         VARCHAR(255)  NOT NULL,
    sequence           BIGINT        NOT NULL,
    amount             NUMERIC(18,2) NOT NULL,
    currency           VARCHAR(3)    NOT NULL,
    foreign_exchange   BOOLEAN       NOT NULL,
    occurred_on        DATE          NOT NULL,
    recorded_at        TIMESTAMPTZ   NOT NULL,
    verified_amount    NUMERIC(18,2),
    verified_currency  VARCHAR(3),
    evidence_kind      VARCHAR(64),
    evidence_reference TEXT,
    verified_on        DATE,
    verified_at        TIMESTAMPTZ,
    PRIMARY KEY (project_id, arrival_id)
);

CREATE TABLE project_ceremony (
    project_id  VARCHAR(255) NOT NULL REFERENCES project_view (id) ON DELETE CASCADE,
    ceremony    TEXT        NOT NULL,
    sequence    BIGINT      NOT NULL,
    occurred_on DATE        NOT NULL,
    recorded_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (project_id, ceremony)
);
