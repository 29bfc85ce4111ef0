-- Projection "activities": visits, inspections, promotion events and outbound trips of the units.
CREATE TABLE activity_view (
    id          VARCHAR(255) COLLATE "C" NOT NULL PRIMARY KEY,
    unit_id     VARCHAR(64) NOT NULL,
    kind        VARCHAR(32) NOT NULL,
    subject     TEXT        NOT NULL,
    occurred_on DATE        NOT NULL,
    recorded_at TIMESTAMPTZ NOT NULL,
    recorded_by TEXT
);
CREATE INDEX activity_view_unit_idx ON activity_view (unit_id, occurred_on);
CREATE INDEX activity_view_occurred_idx ON activity_view (occurred_on DESC, recorded_at DESC, id);
