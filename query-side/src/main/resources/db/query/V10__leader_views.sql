-- Leaders' views (campaign progress, rankings, conversion). Filled by the processing groups "leader-views"
-- (units, projects, counting facts) and "campaign-views" (campaigns and targets); both can be reset and rebuilt.

-- The unit tree as this view knows it. Subtrees are walked at query time (WITH RECURSIVE), so units and facts may
-- arrive in any order across segments.
CREATE TABLE views_unit (
    unit_id    VARCHAR(64)  PRIMARY KEY,
    name       VARCHAR(255) NOT NULL,
    kind       VARCHAR(32)  NOT NULL,
    parent_id  VARCHAR(64),
    peer_group VARCHAR(255)
);
CREATE INDEX views_unit_parent ON views_unit (parent_id);
CREATE INDEX views_unit_peer_group ON views_unit (peer_group);

-- One row per project: the dates of its stages and its contract, for conversion and overdue starts.
CREATE TABLE views_project (
    project_id        VARCHAR(255) PRIMARY KEY,
    unit_id           VARCHAR(64)  NOT NULL,
    industry_code     VARCHAR(8)   NOT NULL,
    industrial        BOOLEAN      NOT NULL,
    intended_amount   NUMERIC(20, 2),
    intended_currency VARCHAR(3),
    lead_on           DATE         NOT NULL,
    negotiation_on    DATE,
    intent_on         DATE,
    signed_on         DATE,
    contract_amount   NUMERIC(20, 2),
    contract_currency VARCHAR(3),
    registered_on     DATE,
    land_on           DATE,
    construction_on   DATE,
    completed_on      DATE,
    production_on     DATE,
    terminated_on     DATE,
    abandoned_on      DATE,
    -- when the facts that decide "overdue to start" were recorded, for views as known at an instant (bulletins)
    signed_recorded_at       TIMESTAMPTZ,
    construction_recorded_at TIMESTAMPTZ,
    terminated_recorded_at   TIMESTAMPTZ,
    abandoned_recorded_at    TIMESTAMPTZ
);
CREATE INDEX views_project_unit ON views_project (unit_id);

-- Capital reported as arrived, kept for the arrival's date: a verification counts on the day the money arrived.
CREATE TABLE views_capital_arrival (
    project_id      VARCHAR(255)   NOT NULL,
    arrival_id      VARCHAR(255)   NOT NULL,
    occurred_on     DATE           NOT NULL,
    reported_amount NUMERIC(20, 2) NOT NULL,
    currency        VARCHAR(3)     NOT NULL,
    verified_amount NUMERIC(20, 2),
    PRIMARY KEY (project_id, arrival_id)
);

-- One row per counting fact and indicator. fact_key names the fact itself (lead:<project>, signed:<project>,
-- capital:<project>:<arrival>, activity:<id>…), so redelivery and rebuilds write the same rows.
-- recorded_at is the event's recording time (for views as known at an instant); quantity is 1 for a counted fact; amount/currency carry money (signed amount, verified capital);
-- industrial and ref_amount/ref_currency (the contract amount, for a lead the intended amount) serve the filters.
CREATE TABLE views_fact (
    fact_key     VARCHAR(600)   NOT NULL,
    indicator    VARCHAR(32)    NOT NULL,
    unit_id      VARCHAR(64)    NOT NULL,
    occurred_on  DATE           NOT NULL,
    quantity     INTEGER        NOT NULL,
    amount       NUMERIC(20, 2),
    currency     VARCHAR(3),
    project_id   VARCHAR(255),
    industrial   BOOLEAN,
    ref_amount   NUMERIC(20, 2),
    ref_currency VARCHAR(3),
    recorded_at  TIMESTAMPTZ    NOT NULL,
    PRIMARY KEY (fact_key, indicator)
);
CREATE INDEX views_fact_unit_indicator ON views_fact (unit_id, indicator, occurred_on);

CREATE TABLE views_campaign (
    campaign_id VARCHAR(255) PRIMARY KEY,
    name        VARCHAR(255) NOT NULL,
    date_from   DATE         NOT NULL,
    date_to     DATE         NOT NULL,
    defined_at  VARCHAR(64)  NOT NULL
);

CREATE TABLE views_campaign_target (
    campaign_id    VARCHAR(255)   NOT NULL,
    position       INTEGER        NOT NULL,
    unit_id        VARCHAR(64)    NOT NULL,
    indicator      VARCHAR(32)    NOT NULL,
    industrial     BOOLEAN,
    min_amount     NUMERIC(20, 2),
    min_currency   VARCHAR(3),
    target         NUMERIC(22, 2) NOT NULL,
    currency       VARCHAR(3),
    PRIMARY KEY (campaign_id, position)
);

-- Published bulletins (通报): the ranking rows as published, frozen when the bulletin was projected (computed from the
-- facts recorded before its publication), never updated afterwards.
CREATE TABLE views_bulletin (
    bulletin_id  VARCHAR(255) PRIMARY KEY,
    kind         VARCHAR(32)  NOT NULL,
    title        VARCHAR(255) NOT NULL,
    peer_group   VARCHAR(255),
    campaign_id  VARCHAR(255),
    date_from    DATE         NOT NULL,
    date_to      DATE         NOT NULL,
    published_at TIMESTAMPTZ  NOT NULL,
    ranking      TEXT         NOT NULL
);
CREATE INDEX views_bulletin_published ON views_bulletin (published_at);
