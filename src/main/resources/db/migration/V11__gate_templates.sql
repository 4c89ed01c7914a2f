-- Version 1 of the six checklists (three transitions x two tracks). Later versions are made by
-- admins in the browser; these rows are never edited.
insert into checklist_template (from_stage, to_stage, track, version, title, created_at, change_note) values
  ('PROTOTYPE', 'POC', 'TECHNICAL', 1, 'Technical Robustness Confirmation: prototype to POC', now(), 'initial version'),
  ('PROTOTYPE', 'POC', 'COMMERCIAL', 1, 'Commercial Readiness Confirmation: prototype to POC', now(), 'initial version'),
  ('POC', 'PILOT', 'TECHNICAL', 1, 'Technical Robustness Confirmation: POC to pilot', now(), 'initial version'),
  ('POC', 'PILOT', 'COMMERCIAL', 1, 'Commercial Readiness Confirmation: POC to pilot', now(), 'initial version'),
  ('PILOT', 'PRODUCTION', 'TECHNICAL', 1, 'Technical Robustness Confirmation: pilot to production', now(), 'initial version'),
  ('PILOT', 'PRODUCTION', 'COMMERCIAL', 1, 'Commercial Readiness Confirmation: pilot to production', now(), 'initial version');

create temporary table seed_item (
    from_stage varchar(12), track varchar(12), position int, code varchar(40), label varchar(500),
    kind varchar(16), unit varchar(20), comparator varchar(2), threshold numeric(19, 6), blocking boolean,
    metric_key varchar(64)
);

insert into seed_item values
  -- PROTOTYPE -> POC, technical (MISSION: availability, fallback, fail-safe, RAG latency, ...)
  ('PROTOTYPE', 'TECHNICAL', 1, 'availability_pct', 'Core-path availability over the last 30 days', 'MEASURE', '%', '>=', 99.95, true, 'availability_pct'),
  ('PROTOTYPE', 'TECHNICAL', 2, 'fallback_plan', 'Error-degradation (fallback) plan complete for every module', 'ATTESTATION', null, null, null, true, null),
  ('PROTOTYPE', 'TECHNICAL', 3, 'failsafe_threshold', 'Fail-safe threshold defined (confidence below which a human reviews, e.g. 0.85)', 'ATTESTATION', null, null, null, true, null),
  ('PROTOTYPE', 'TECHNICAL', 4, 'rag_latency_p95_ms', 'RAG end-to-end p95 latency at 1000 concurrent users', 'MEASURE', 'ms', '<=', 300, true, 'rag_latency_p95_ms'),
  ('PROTOTYPE', 'TECHNICAL', 5, 'hallucination_rate_pct', 'Hallucination rate on the evaluation set', 'MEASURE', '%', '<=', 0.5, true, 'hallucination_rate_pct'),
  ('PROTOTYPE', 'TECHNICAL', 6, 'bias_scenarios', 'Bias and ethics scenarios covered in the sandbox', 'ATTESTATION', null, null, null, true, null),
  ('PROTOTYPE', 'TECHNICAL', 7, 'white_paper', 'Technical readiness white paper', 'EVIDENCE_LINK', null, null, null, true, null),
  ('PROTOTYPE', 'TECHNICAL', 8, 'kill_criterion', 'Failure (kill) criterion stated, e.g. first-response accuracy < 85% for 7 days', 'ATTESTATION', null, null, null, true, null),
  -- PROTOTYPE -> POC, commercial
  ('PROTOTYPE', 'COMMERCIAL', 1, 'willingness_to_pay_usd', 'First customers'' willingness to pay', 'MEASURE', 'USD/year', '>=', 25000, true, 'willingness_to_pay_usd'),
  ('PROTOTYPE', 'COMMERCIAL', 2, 'data_sovereignty', 'Data-sovereignty agreement signed', 'EVIDENCE_LINK', null, null, null, true, null),
  ('PROTOTYPE', 'COMMERCIAL', 3, 'customer_journey', 'Customer journey modelled', 'ATTESTATION', null, null, null, true, null),
  ('PROTOTYPE', 'COMMERCIAL', 4, 'compliance_path', 'Compliance path defined (e.g. GDPR data flows, HIPAA key rotation)', 'ATTESTATION', null, null, null, true, null),
  ('PROTOTYPE', 'COMMERCIAL', 5, 'liability_map', 'Liability map done for each API-call step', 'ATTESTATION', null, null, null, true, null),
  ('PROTOTYPE', 'COMMERCIAL', 6, 'pricing_model', 'Pricing model defined', 'ATTESTATION', null, null, null, true, null),
  ('PROTOTYPE', 'COMMERCIAL', 7, 'value_mapping', 'Value mapping from a technical metric to a customer financial metric stated', 'ATTESTATION', null, null, null, false, null),
  -- POC -> PILOT, technical (stricter)
  ('POC', 'TECHNICAL', 1, 'availability_pct', 'Core-path availability over the POC', 'MEASURE', '%', '>=', 99.95, true, 'availability_pct'),
  ('POC', 'TECHNICAL', 2, 'rag_latency_p95_ms', 'RAG end-to-end p95 latency at 1000 concurrent users', 'MEASURE', 'ms', '<=', 250, true, 'rag_latency_p95_ms'),
  ('POC', 'TECHNICAL', 3, 'hallucination_rate_pct', 'Hallucination rate on production-like traffic', 'MEASURE', '%', '<=', 0.3, true, 'hallucination_rate_pct'),
  ('POC', 'TECHNICAL', 4, 'task_completion_rate_pct', 'Single-task completion rate with POC customers', 'MEASURE', '%', '>=', 94.7, true, 'task_completion_rate_pct'),
  ('POC', 'TECHNICAL', 5, 'human_review_routing', 'Low-confidence answers route to human review in production paths', 'ATTESTATION', null, null, null, true, null),
  ('POC', 'TECHNICAL', 6, 'rollback_tested', 'Rollback to the previous model version tested', 'ATTESTATION', null, null, null, true, null),
  ('POC', 'TECHNICAL', 7, 'load_test_report', 'Load test report', 'EVIDENCE_LINK', null, null, null, true, null),
  -- POC -> PILOT, commercial
  ('POC', 'COMMERCIAL', 1, 'willingness_to_pay_usd', 'Signed letters of intent, total value', 'MEASURE', 'USD/year', '>=', 100000, true, 'willingness_to_pay_usd'),
  ('POC', 'COMMERCIAL', 2, 'pilot_contract', 'Pilot contract with liability clauses', 'EVIDENCE_LINK', null, null, null, true, null),
  ('POC', 'COMMERCIAL', 3, 'dpa_signed', 'Data-processing agreement signed with every pilot customer', 'ATTESTATION', null, null, null, true, null),
  ('POC', 'COMMERCIAL', 4, 'nps', 'Net promoter score of POC users', 'MEASURE', 'points', '>=', 30, false, 'nps'),
  ('POC', 'COMMERCIAL', 5, 'ltv_cac', 'Projected LTV/CAC', 'MEASURE', 'ratio', '>', 3, true, 'ltv_cac'),
  -- PILOT -> PRODUCTION, technical (strictest)
  ('PILOT', 'TECHNICAL', 1, 'availability_pct', 'Core-path availability over the pilot', 'MEASURE', '%', '>=', 99.99, true, 'availability_pct'),
  ('PILOT', 'TECHNICAL', 2, 'rag_latency_p95_ms', 'RAG end-to-end p95 latency at peak load', 'MEASURE', 'ms', '<=', 200, true, 'rag_latency_p95_ms'),
  ('PILOT', 'TECHNICAL', 3, 'hallucination_rate_pct', 'Hallucination rate in the pilot', 'MEASURE', '%', '<=', 0.2, true, 'hallucination_rate_pct'),
  ('PILOT', 'TECHNICAL', 4, 'incident_runbook', 'On-call runbook and incident process', 'EVIDENCE_LINK', null, null, null, true, null),
  ('PILOT', 'TECHNICAL', 5, 'security_review', 'Security review and penetration test passed', 'ATTESTATION', null, null, null, true, null),
  ('PILOT', 'TECHNICAL', 6, 'drift_monitoring', 'Model drift monitoring with alerts in place', 'ATTESTATION', null, null, null, true, null),
  -- PILOT -> PRODUCTION, commercial
  ('PILOT', 'COMMERCIAL', 1, 'retention_30d_pct', '30-day retention of pilot users', 'MEASURE', '%', '>', 61, true, 'retention_30d_pct'),
  ('PILOT', 'COMMERCIAL', 2, 'ltv_cac', 'LTV/CAC measured in the pilot', 'MEASURE', 'ratio', '>', 3, true, 'ltv_cac'),
  ('PILOT', 'COMMERCIAL', 3, 'production_contract', 'Production contract template approved by legal', 'EVIDENCE_LINK', null, null, null, true, null),
  ('PILOT', 'COMMERCIAL', 4, 'compliance_audit', 'Compliance audit (GDPR/HIPAA) passed', 'ATTESTATION', null, null, null, true, null),
  ('PILOT', 'COMMERCIAL', 5, 'support_model', 'Support and SLA model agreed with customers', 'ATTESTATION', null, null, null, false, null);

insert into checklist_template_item (template_id, position, code, label, kind, unit, comparator, threshold, blocking, metric_key)
select t.id, s.position, s.code, s.label, s.kind, s.unit, s.comparator, s.threshold, s.blocking, s.metric_key
from seed_item s join checklist_template t on t.from_stage = s.from_stage and t.track = s.track and t.version = 1;

drop table seed_item;
