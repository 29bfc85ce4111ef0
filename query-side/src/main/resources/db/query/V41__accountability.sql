-- Year-close consequences (rules 6 and 7), one row per fact: self-examination, leadership or post adjustment
-- proposed, awards vetoed. detail is the event's payload as JSON (the rule's parameters, missed targets).
CREATE TABLE views_accountability (
    event_id     VARCHAR(255) PRIMARY KEY,
    year         INTEGER      NOT NULL,
    consequence  VARCHAR(64)  NOT NULL,
    rule         VARCHAR(64)  NOT NULL,
    unit_id      VARCHAR(64)  NOT NULL,
    peer_group   VARCHAR(255),
    campaign_id  VARCHAR(255),
    bulletin_id  VARCHAR(255) NOT NULL,
    recorded_at  TIMESTAMPTZ  NOT NULL,
    detail       TEXT         NOT NULL
);
CREATE INDEX views_accountability_year ON views_accountability (year, unit_id);
