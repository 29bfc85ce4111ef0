-- One investor (unified social credit code) in one industry is the lead of one live project: the same lead is never
-- counted by two units. Inserted by the lead registration in the command's transaction; deleted when the project is
-- abandoned or its contract terminated.
CREATE TABLE lead_claim (
    credit_code   CHAR(18)    NOT NULL,
    industry_code VARCHAR(5)  NOT NULL,
    project_id    VARCHAR(255) NOT NULL,
    unit_id       VARCHAR(64) NOT NULL,
    PRIMARY KEY (credit_code, industry_code)
);
CREATE INDEX lead_claim_project ON lead_claim (project_id);
