-- Projection "units": the unit tree as leaders read it. path is materialised from the root down, e.g.
-- /360800/360802/, so a subtree is one prefix match (unit ids hold only [a-z0-9-], never LIKE wildcards).
CREATE TABLE unit_view (
    id            VARCHAR(64)  NOT NULL PRIMARY KEY,
    name          TEXT         NOT NULL,
    kind          VARCHAR(16)  NOT NULL,
    parent_id     VARCHAR(64),
    peer_group    VARCHAR(64)  NOT NULL,
    path          TEXT COLLATE "C" NOT NULL,
    depth         INTEGER      NOT NULL,
    registered_at TIMESTAMPTZ  NOT NULL
);
CREATE INDEX unit_view_path_idx ON unit_view (path);
CREATE INDEX unit_view_parent_idx ON unit_view (parent_id);
CREATE INDEX unit_view_peer_group_idx ON unit_view (peer_group);
