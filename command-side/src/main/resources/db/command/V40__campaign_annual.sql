-- A campaign may be defined as the year's targets (annual): its final bulletin decides the one-vote veto (rule 7).
ALTER TABLE campaign_window ADD COLUMN annual BOOLEAN NOT NULL DEFAULT FALSE;
