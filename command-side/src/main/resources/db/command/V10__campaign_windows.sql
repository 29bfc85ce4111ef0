-- The windows of the campaigns defined, so the bulletin schedule knows which campaigns have ended and are owed their
-- final bulletin. Kept by the subscribing processing group "campaign-windows" in the transaction of each definition.
CREATE TABLE campaign_window (
    campaign_id VARCHAR(255) PRIMARY KEY,
    name        VARCHAR(255) NOT NULL,
    date_from   DATE         NOT NULL,
    date_to     DATE         NOT NULL
);
CREATE INDEX campaign_window_to ON campaign_window (date_to);
