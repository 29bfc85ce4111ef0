-- Leaders' queries are set-based (one statement for every unit of a peer group and every indicator, see
-- IndicatorCounter#actuals): they read the facts of a window across all units. This index serves that range read
-- from the index alone (the columns summed and filtered on are included; the filters industrial/ref_amount of some
-- campaign targets read the row).
CREATE INDEX views_fact_occurred_on ON views_fact (occurred_on) INCLUDE (indicator, unit_id, quantity, amount, currency, recorded_at);
