-- Unit-scoped authorization (docs/SECURITY.md): the units an aggregate belongs to, written by a subscribing event
-- handler in the transaction of the event that names them (a project's lead unit, a case's lead and assisting units,
-- a complaint's unit, an activity's unit). A row per (aggregate, unit).
CREATE TABLE aggregate_unit (
    aggregate_id VARCHAR(255) NOT NULL,
    unit_id      VARCHAR(64)  NOT NULL,
    PRIMARY KEY (aggregate_id, unit_id)
);

-- Aggregates recorded before this table existed.
INSERT INTO aggregate_unit (aggregate_id, unit_id)
SELECT aggregateidentifier, convert_from(payload, 'UTF8')::jsonb ->> 'unitId'
FROM domainevententry
WHERE payloadtype IN ('com.zhaoshang.ledger.api.project.LeadRegisteredEvent',
                      'com.zhaoshang.ledger.api.supervision.ComplaintReceivedEvent',
                      'com.zhaoshang.ledger.api.activity.ActivityRecordedEvent')
  AND convert_from(payload, 'UTF8')::jsonb ->> 'unitId' IS NOT NULL
ON CONFLICT DO NOTHING;
INSERT INTO aggregate_unit (aggregate_id, unit_id)
SELECT aggregateidentifier, convert_from(payload, 'UTF8')::jsonb ->> 'leadUnitId'
FROM domainevententry
WHERE payloadtype = 'com.zhaoshang.ledger.api.supervision.SupervisionCaseOpenedEvent'
  AND convert_from(payload, 'UTF8')::jsonb ->> 'leadUnitId' IS NOT NULL
ON CONFLICT DO NOTHING;
INSERT INTO aggregate_unit (aggregate_id, unit_id)
SELECT e.aggregateidentifier, a.unit
FROM domainevententry e,
     jsonb_array_elements_text(coalesce(convert_from(e.payload, 'UTF8')::jsonb -> 'assistingUnitIds', '[]'::jsonb)) AS a(unit)
WHERE e.payloadtype = 'com.zhaoshang.ledger.api.supervision.SupervisionCaseOpenedEvent'
ON CONFLICT DO NOTHING;

-- Refused attempts (401, 403 and unit-scope refusals), for inspectors: GET /api/audit/denials. The query side's V70
-- creates the same table when it runs alone; in one schema whichever runs first creates it.
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
