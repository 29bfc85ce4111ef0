-- Projection "supervision" (SupervisionCasesProjection): progress reports a case missed (反馈频率).
ALTER TABLE supervision_case_view ADD COLUMN missed_reports INTEGER NOT NULL DEFAULT 0;
