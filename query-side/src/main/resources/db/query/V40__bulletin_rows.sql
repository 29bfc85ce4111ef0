-- Bulletins hold their rows in the event (BulletinPublishedEvent revision 2): the view copies them, with the instant
-- they were known at and the rule's parameters. An event of revision 1 held no rows: rows_recorded false.
ALTER TABLE views_bulletin
    ADD COLUMN known_at      TIMESTAMPTZ,
    ADD COLUMN rows_recorded BOOLEAN NOT NULL DEFAULT TRUE,
    ADD COLUMN rule          TEXT;
