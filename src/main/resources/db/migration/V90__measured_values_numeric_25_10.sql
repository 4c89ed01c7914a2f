-- One precision for a measured value and everything compared with it (issue 12, defect 3).
-- Observations were an unbounded numeric that Java kept to 15 digits before and 10 after the
-- decimal point, while gate answers and thresholds were numeric(19, 6): an observation with 7
-- decimals was silently rounded when it became a bound item's answer, one with 14 integer digits
-- made the update fail. Now all of them are numeric(25, 10), the limit io.dualgate.shared.Decimals
-- (MEASURE) checks at every way in; SchemaLimitsTests compares the two. Widening loses nothing:
-- answers and thresholds keep their values, and the canonical answers that signatures hash are
-- written without trailing zeros, so no signature changes.
alter table observation alter column value type numeric(25, 10);
alter table gate_item alter column answer_value type numeric(25, 10);
alter table gate_item alter column threshold type numeric(25, 10);
alter table checklist_template_item alter column threshold type numeric(25, 10);
alter table kill_criterion alter column threshold type numeric(25, 10);
alter table metric_definition alter column min_value type numeric(25, 10);
alter table metric_definition alter column max_value type numeric(25, 10);
