-- The six stock checklists (V11) in Simplified Chinese, with help in both languages and the
-- framework controls each item helps to meet (ids only: ISO/IEC 42001 Annex A, EU AI Act
-- articles, NIST AI RMF subcategories). Templates are never edited: where a checklist's
-- latest version still holds only stock items (same code, same English text), a new version
-- with the same items and these texts is added; an organisation's own version is left alone.
-- Open gates keep the version they opened with.
create temporary table seed_text (
    from_stage varchar(12), track varchar(12), code varchar(40), label varchar(500), label_zh varchar(500),
    help_en varchar(2000), help_zh varchar(2000), refs varchar(48)[]
);

insert into seed_text values
  ('PROTOTYPE', 'TECHNICAL', 'availability_pct', 'Core-path availability over the last 30 days', '近 30 天核心路径可用性', 'Share of minutes in which the main user path answered correctly, measured by monitoring, not estimated.', '主要用户路径正确响应的分钟占比，以监控数据为准，不能估算。', '{"ISO42001:A.6.2.4","EUAIACT:Art. 15","NISTAIRMF:MEASURE 2.5"}'),
  ('PROTOTYPE', 'TECHNICAL', 'fallback_plan', 'Error-degradation (fallback) plan complete for every module', '每个模块的降级方案已完成', 'For each module: what happens when it fails or times out, and which reduced service the user still gets.', '针对每个模块：失败或超时时如何处理，以及用户仍能得到哪种降级服务。', '{"ISO42001:A.6.2.6","EUAIACT:Art. 15","NISTAIRMF:MEASURE 2.6"}'),
  ('PROTOTYPE', 'TECHNICAL', 'failsafe_threshold', 'Fail-safe threshold defined (confidence below which a human reviews, e.g. 0.85)', '已定义 Fail-Safe阈值（低于该置信度即转人工复核，例如 0.85）', 'The confidence value below which an answer is not shown to the customer but routed to a person.', '置信度低于该值时，答案不直接交给客户，而是转给人工复核。', '{"ISO42001:A.9.2","EUAIACT:Art. 14","NISTAIRMF:MAP 3.5"}'),
  ('PROTOTYPE', 'TECHNICAL', 'rag_latency_p95_ms', 'RAG end-to-end p95 latency at 1000 concurrent users', '1000 并发用户下 RAG 端到端 p95 延迟', '95th percentile of the time from question to complete answer, in a load test with 1000 concurrent users.', '在 1000 并发用户的压测中，从提问到完整答案的第 95 百分位耗时。', '{"ISO42001:A.6.2.4","EUAIACT:Art. 15","NISTAIRMF:MEASURE 2.3"}'),
  ('PROTOTYPE', 'TECHNICAL', 'hallucination_rate_pct', 'Hallucination rate on the evaluation set', '评估集上的幻觉率', 'Share of answers on the agreed evaluation set that state something the sources do not support.', '在约定评估集上，答案中包含来源无法支持的内容的比例。', '{"ISO42001:A.6.2.4","EUAIACT:Art. 15","NISTAIRMF:MEASURE 2.5"}'),
  ('PROTOTYPE', 'TECHNICAL', 'bias_scenarios', 'Bias and ethics scenarios covered in the sandbox', '偏见与伦理场景已在沙盒中覆盖', 'The planned bias and ethics scenarios were run in the sandbox and the results recorded.', '计划中的偏见与伦理场景已在沙盒中运行，结果已记录。', '{"ISO42001:A.5.4","EUAIACT:Art. 10","NISTAIRMF:MEASURE 2.11"}'),
  ('PROTOTYPE', 'TECHNICAL', 'white_paper', 'Technical readiness white paper', '《技术就绪白皮书》', 'A link to the white paper: architecture, limits, test results and the fail-safe threshold of every module.', '白皮书链接：架构、局限、测试结果以及每个模块的 Fail-Safe阈值。', '{"ISO42001:A.6.2.3","EUAIACT:Art. 11","NISTAIRMF:MAP 2.3"}'),
  ('PROTOTYPE', 'TECHNICAL', 'kill_criterion', 'Failure (kill) criterion stated, e.g. first-response accuracy < 85% for 7 days', '已明确失败标准，例如首次回答准确率连续 7 天低于 85%', 'The condition under which the work stops, stated before the POC starts, with the metric and the period.', '在 POC 开始前写明停止工作的条件，包括指标和期间。', '{"ISO42001:A.6.1.2","EUAIACT:Art. 9","NISTAIRMF:MANAGE 1.1"}'),
  ('PROTOTYPE', 'COMMERCIAL', 'willingness_to_pay_usd', 'First customers'' willingness to pay', '首批客户的支付意愿', 'Yearly amount the first customers said they would pay, from written statements or letters of intent.', '首批客户书面表示愿意每年支付的金额，以书面声明或意向书为准。', '{"NISTAIRMF:MAP 1.4"}'),
  ('PROTOTYPE', 'COMMERCIAL', 'data_sovereignty', 'Data-sovereignty agreement signed', '已签署《数据主权协议》', 'A link to the signed agreement saying where customer data is stored and processed and who may access it.', '已签署协议的链接，说明客户数据的存储和处理地点以及谁可以访问。', '{"ISO42001:A.7.3","ISO42001:A.10.4","EUAIACT:Art. 10","NISTAIRMF:GOVERN 6.1"}'),
  ('PROTOTYPE', 'COMMERCIAL', 'customer_journey', 'Customer journey modelled', '已建模客户旅程', 'The steps a customer goes through with the product, including where the AI acts and where a person does.', '客户使用产品的各个步骤，包括哪些环节由 AI 完成、哪些由人完成。', '{"ISO42001:A.9.4","NISTAIRMF:MAP 1.1"}'),
  ('PROTOTYPE', 'COMMERCIAL', 'compliance_path', 'Compliance path defined (e.g. GDPR data flows, HIPAA key rotation)', '已确定合规路径（例如 GDPR 数据流、HIPAA 密钥轮换）', 'Which laws and rules apply to this use, and the steps and owners to meet each of them.', '此用途适用哪些法律法规，以及满足每项要求的步骤和负责人。', '{"ISO42001:A.2.3","EUAIACT:Art. 17","NISTAIRMF:GOVERN 1.1"}'),
  ('PROTOTYPE', 'COMMERCIAL', 'liability_map', 'Liability map done for each API-call step', '已为每个 API 调用步骤完成《责任归属图谱》', 'For every step of a call: the party legally responsible if it goes wrong (us, the model provider, the customer).', '对调用的每一步：出错时依法承担责任的一方（我方、模型提供方或客户）。', '{"ISO42001:A.10.2","NISTAIRMF:GOVERN 2.1"}'),
  ('PROTOTYPE', 'COMMERCIAL', 'pricing_model', 'Pricing model defined', '已确定定价模式', 'How the product is charged (per seat, per use, per outcome) and the price range discussed with customers.', '产品如何收费（按席位、按次或按结果）以及与客户讨论过的价格区间。', '{"NISTAIRMF:MAP 1.4"}'),
  ('PROTOTYPE', 'COMMERCIAL', 'value_mapping', 'Value mapping from a technical metric to a customer financial metric stated', '已说明从技术指标到客户财务指标的价值映射', 'For example: 100 ms less latency gives 2.3 more tickets per agent per day, worth a stated amount a year.', '例如：延迟降低 100 毫秒，每位客服每天多处理 2.3 张工单，折合每年的具体金额。', '{"NISTAIRMF:MAP 3.1"}'),
  ('POC', 'TECHNICAL', 'availability_pct', 'Core-path availability over the POC', 'POC 期间核心路径可用性', 'Share of minutes during the POC in which the main user path answered correctly, from monitoring.', 'POC 期间主要用户路径正确响应的分钟占比，以监控数据为准。', '{"ISO42001:A.6.2.4","EUAIACT:Art. 15","NISTAIRMF:MEASURE 2.5"}'),
  ('POC', 'TECHNICAL', 'rag_latency_p95_ms', 'RAG end-to-end p95 latency at 1000 concurrent users', '1000 并发用户下 RAG 端到端 p95 延迟', '95th percentile of the time from question to complete answer, in a load test with 1000 concurrent users.', '在 1000 并发用户的压测中，从提问到完整答案的第 95 百分位耗时。', '{"ISO42001:A.6.2.4","EUAIACT:Art. 15","NISTAIRMF:MEASURE 2.3"}'),
  ('POC', 'TECHNICAL', 'hallucination_rate_pct', 'Hallucination rate on production-like traffic', '类生产流量上的幻觉率', 'Share of sampled answers on production-like traffic that state something the sources do not support.', '在类生产流量的抽样答案中，包含来源无法支持的内容的比例。', '{"ISO42001:A.6.2.4","EUAIACT:Art. 15","NISTAIRMF:MEASURE 2.5"}'),
  ('POC', 'TECHNICAL', 'task_completion_rate_pct', 'Single-task completion rate with POC customers', 'POC 客户的单任务完成率', 'Share of tasks POC customers started with the product and finished without falling back to the old way.', 'POC 客户用产品开始并完成、且未退回旧方式的任务占比。', '{"ISO42001:A.6.2.4","NISTAIRMF:MEASURE 2.3","NISTAIRMF:MEASURE 4.2"}'),
  ('POC', 'TECHNICAL', 'human_review_routing', 'Low-confidence answers route to human review in production paths', '低置信度答案在生产路径中转人工复核', 'Answers below the fail-safe threshold reach a person before the customer, and the routing was tested.', '低于 Fail-Safe阈值的答案先交给人处理再到客户，且该转交已经测试。', '{"ISO42001:A.9.2","EUAIACT:Art. 14","NISTAIRMF:MAP 3.5"}'),
  ('POC', 'TECHNICAL', 'rollback_tested', 'Rollback to the previous model version tested', '已测试回滚到上一模型版本', 'Going back to the previous model version was rehearsed, with the time it took written down.', '已演练回到上一模型版本，并记录了所用时间。', '{"ISO42001:A.6.2.5","EUAIACT:Art. 15","NISTAIRMF:MANAGE 2.3"}'),
  ('POC', 'TECHNICAL', 'load_test_report', 'Load test report', '压测报告', 'A link to the load test report: set-up, load profile, tools, results and what was fixed.', '压测报告链接：环境、负载模型、工具、结果以及修复内容。', '{"ISO42001:A.6.2.4","EUAIACT:Art. 15","NISTAIRMF:MEASURE 2.1"}'),
  ('POC', 'COMMERCIAL', 'willingness_to_pay_usd', 'Signed letters of intent, total value', '已签意向书总金额', 'Yearly value of all signed letters of intent for the pilot and beyond.', '试点及之后阶段所有已签意向书的年度总金额。', '{"NISTAIRMF:MAP 1.4"}'),
  ('POC', 'COMMERCIAL', 'pilot_contract', 'Pilot contract with liability clauses', '含责任条款的试点合同', 'A link to the pilot contract, with who is liable for which failure written into it.', '试点合同链接，合同中写明各类故障由谁承担责任。', '{"ISO42001:A.10.2","ISO42001:A.10.4","NISTAIRMF:GOVERN 6.1"}'),
  ('POC', 'COMMERCIAL', 'dpa_signed', 'Data-processing agreement signed with every pilot customer', '已与每位试点客户签署数据处理协议', 'Every pilot customer signed a data-processing agreement before any of their data reached the system.', '每位试点客户在其数据进入系统前都已签署数据处理协议。', '{"ISO42001:A.7.3","EUAIACT:Art. 10","NISTAIRMF:MEASURE 2.10"}'),
  ('POC', 'COMMERCIAL', 'nps', 'Net promoter score of POC users', 'POC 用户的净推荐值', 'Net promoter score from a survey of the people who used the product during the POC.', '对 POC 期间使用产品的人员进行调查得出的净推荐值。', '{"NISTAIRMF:MAP 5.2"}'),
  ('POC', 'COMMERCIAL', 'ltv_cac', 'Projected LTV/CAC', '预计 LTV/CAC', 'Projected customer lifetime value divided by the cost of acquiring a customer.', '预计客户生命周期价值除以获客成本。', '{"NISTAIRMF:MAP 1.4"}'),
  ('PILOT', 'TECHNICAL', 'availability_pct', 'Core-path availability over the pilot', '试点期间核心路径可用性', 'Share of minutes during the pilot in which the main user path answered correctly, from production monitoring.', '试点期间主要用户路径正确响应的分钟占比，以生产监控数据为准。', '{"ISO42001:A.6.2.6","EUAIACT:Art. 15","NISTAIRMF:MEASURE 2.4"}'),
  ('PILOT', 'TECHNICAL', 'rag_latency_p95_ms', 'RAG end-to-end p95 latency at peak load', '峰值负载下 RAG 端到端 p95 延迟', '95th percentile of the time from question to complete answer during the busiest hour of the pilot.', '试点最繁忙时段内从提问到完整答案的第 95 百分位耗时。', '{"ISO42001:A.6.2.6","EUAIACT:Art. 15","NISTAIRMF:MEASURE 2.4"}'),
  ('PILOT', 'TECHNICAL', 'hallucination_rate_pct', 'Hallucination rate in the pilot', '试点中的幻觉率', 'Share of sampled pilot answers that state something the sources do not support.', '试点抽样答案中包含来源无法支持的内容的比例。', '{"ISO42001:A.6.2.6","EUAIACT:Art. 15","NISTAIRMF:MEASURE 2.5"}'),
  ('PILOT', 'TECHNICAL', 'incident_runbook', 'On-call runbook and incident process', '值班手册与事件处理流程', 'A link to the runbook: who is on call, how incidents are classified, handled, told to customers and learned from.', '值班手册链接：谁值班、事件如何分级、处理、告知客户以及复盘。', '{"ISO42001:A.8.4","NISTAIRMF:MANAGE 4.3"}'),
  ('PILOT', 'TECHNICAL', 'security_review', 'Security review and penetration test passed', '已通过安全评审和渗透测试', 'An independent security review and penetration test found no open high-severity issue.', '独立的安全评审和渗透测试未发现未解决的高危问题。', '{"ISO42001:A.6.2.4","EUAIACT:Art. 15","NISTAIRMF:MEASURE 2.7"}'),
  ('PILOT', 'TECHNICAL', 'drift_monitoring', 'Model drift monitoring with alerts in place', '已部署带告警的模型漂移监控', 'Input and output distributions are watched in production and a person is alerted when they move beyond set limits.', '生产中持续监测输入和输出分布，超出设定范围时通知相关人员。', '{"ISO42001:A.6.2.6","EUAIACT:Art. 15","NISTAIRMF:MEASURE 2.4","NISTAIRMF:MANAGE 4.1"}'),
  ('PILOT', 'COMMERCIAL', 'retention_30d_pct', '30-day retention of pilot users', '试点用户 30 天留存率', 'Share of pilot users still active 30 days after their first use.', '首次使用 30 天后仍然活跃的试点用户占比。', '{"NISTAIRMF:MANAGE 2.2"}'),
  ('PILOT', 'COMMERCIAL', 'ltv_cac', 'LTV/CAC measured in the pilot', '试点中实测的 LTV/CAC', 'Customer lifetime value divided by acquisition cost, from the pilot''s real figures.', '以试点实际数据计算的客户生命周期价值除以获客成本。', '{"NISTAIRMF:MANAGE 2.2"}'),
  ('PILOT', 'COMMERCIAL', 'production_contract', 'Production contract template approved by legal', '生产合同模板已经法务批准', 'A link to the production contract template, approved by legal, with liability and data clauses.', '经法务批准的生产合同模板链接，含责任和数据条款。', '{"ISO42001:A.10.2","ISO42001:A.10.4","NISTAIRMF:GOVERN 6.1"}'),
  ('PILOT', 'COMMERCIAL', 'compliance_audit', 'Compliance audit (GDPR/HIPAA) passed', '已通过合规审计（GDPR/HIPAA）', 'An audit by people outside the team found the applicable rules met, or the gaps closed.', '团队外部人员的审计确认已满足适用规则，或差距已弥补。', '{"ISO42001:A.2.3","EUAIACT:Art. 17","NISTAIRMF:MEASURE 1.3"}'),
  ('PILOT', 'COMMERCIAL', 'support_model', 'Support and SLA model agreed with customers', '已与客户商定支持与 SLA 模式', 'Support hours, response times and service levels agreed in writing with the customers.', '已与客户书面约定支持时间、响应时限和服务水平。', '{"ISO42001:A.8.5","NISTAIRMF:MANAGE 4.1"}')
;

create temporary table translatable as
select t.id, t.from_stage, t.to_stage, t.track, t.version, t.title
from checklist_template t
where t.version = (select max(x.version) from checklist_template x
                   where x.from_stage = t.from_stage and x.track = t.track)
  and not exists (select 1 from checklist_template_item i
                  where i.template_id = t.id
                    and not exists (select 1 from seed_text s
                                    where s.from_stage = t.from_stage and s.track = t.track
                                      and s.code = i.code and s.label = i.label));

insert into checklist_template (from_stage, to_stage, track, version, title, created_at, change_note)
select t.from_stage, t.to_stage, t.track, t.version + 1, t.title, now(),
       'Chinese text, help and framework references added; items unchanged'
from translatable t;

insert into checklist_template_item (template_id, position, code, label, kind, unit, comparator, threshold,
                                     blocking, metric_key, label_zh, help_en, help_zh, framework_refs)
select n.id, i.position, i.code, i.label, i.kind, i.unit, i.comparator, i.threshold, i.blocking, i.metric_key,
       s.label_zh, s.help_en, s.help_zh, s.refs
from translatable t
join checklist_template n on n.from_stage = t.from_stage and n.track = t.track and n.version = t.version + 1
join checklist_template_item i on i.template_id = t.id
join seed_text s on s.from_stage = t.from_stage and s.track = t.track and s.code = i.code;

drop table translatable;
drop table seed_text;
