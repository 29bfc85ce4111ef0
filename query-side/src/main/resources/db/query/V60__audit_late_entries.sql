-- Late entries (issue 5 item 3, docs/AUDIT.md "Late entries"): kept by the processing group "audit-late-entries"
-- (LateEntriesProjection), which can be reset and rebuilt. Its own copies of the unit tree, the campaigns' units and
-- the published bulletins, so the audit does not depend on other views' schemas or on their processors' progress.

-- Every fact a unit declared with a business date: both of its times and who recorded it. The lag threshold is applied
-- when asked (ledger.audit.late-entry-days), so changing it needs no rebuild.
CREATE TABLE audit_fact (
    event_id      VARCHAR(255) PRIMARY KEY,
    type          VARCHAR(255) NOT NULL,
    aggregate_id  VARCHAR(255) NOT NULL,
    sequence      BIGINT,
    project_id    VARCHAR(255),
    unit_id       VARCHAR(64)  NOT NULL,
    occurred_on   DATE         NOT NULL,
    recorded_at   TIMESTAMPTZ  NOT NULL,
    -- recording date (Asia/Shanghai) minus occurred_on
    lag_days      INTEGER      NOT NULL,
    user_id       VARCHAR(255),
    role          VARCHAR(32),
    actor_unit_id VARCHAR(64)
);
CREATE INDEX audit_fact_recorded ON audit_fact (recorded_at, event_id);
CREATE INDEX audit_fact_unit_recorded ON audit_fact (unit_id, recorded_at);
CREATE INDEX audit_fact_occurred ON audit_fact (occurred_on);

-- The unit owning each project (from its lead), for the project's later facts.
CREATE TABLE audit_project_unit (
    project_id VARCHAR(255) PRIMARY KEY,
    unit_id    VARCHAR(64)  NOT NULL
);

CREATE TABLE audit_unit (
    unit_id    VARCHAR(64)  PRIMARY KEY,
    parent_id  VARCHAR(64),
    peer_group VARCHAR(255)
);
CREATE INDEX audit_unit_parent ON audit_unit (parent_id);

-- The units a campaign targets (a campaign bulletin ranks them).
CREATE TABLE audit_campaign_unit (
    campaign_id VARCHAR(255) NOT NULL,
    unit_id     VARCHAR(64)  NOT NULL,
    PRIMARY KEY (campaign_id, unit_id)
);

-- Published bulletins: period, ranked group, publication instant (the event's recording time).
CREATE TABLE audit_bulletin (
    bulletin_id  VARCHAR(255) PRIMARY KEY,
    title        VARCHAR(255) NOT NULL,
    kind         VARCHAR(32)  NOT NULL,
    peer_group   VARCHAR(255),
    campaign_id  VARCHAR(255),
    date_from    DATE         NOT NULL,
    date_to      DATE         NOT NULL,
    published_at TIMESTAMPTZ  NOT NULL
);
CREATE INDEX audit_bulletin_period ON audit_bulletin (date_from, date_to);
