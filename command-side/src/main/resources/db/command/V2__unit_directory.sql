-- The unit tree as the command side needs it for its set-based checks (a unit exists, a unit lies within another's
-- subtree). Written by a subscribing event handler in the transaction of each UnitRegisteredEvent.
-- path is the chain of ids from the root, e.g. /360800/360802/.
CREATE TABLE unit_directory (
    unit_id    VARCHAR(64)  NOT NULL PRIMARY KEY,
    parent_id  VARCHAR(64)  REFERENCES unit_directory (unit_id),
    kind       VARCHAR(32)  NOT NULL,
    peer_group VARCHAR(64)  NOT NULL,
    path       VARCHAR(2048) NOT NULL
);
CREATE INDEX unit_directory_parent ON unit_directory (parent_id);
CREATE INDEX unit_directory_path ON unit_directory (path varchar_pattern_ops);
