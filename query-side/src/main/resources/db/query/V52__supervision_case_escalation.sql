-- Projection "supervision" (SupervisionCasesProjection): the unit a case is escalated to, and how many levels.
ALTER TABLE supervision_case_view ADD COLUMN escalation_level INTEGER NOT NULL DEFAULT 0;
ALTER TABLE supervision_case_view ADD COLUMN escalated_to_unit_id VARCHAR(64);
