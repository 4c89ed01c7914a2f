-- Performance (issue 16): lookups that scanned whole tables once they held thousands of gates.
-- A gate's items and signatures are read by gate id on every gate page, sign form and list row
-- (the foreign keys had no index: each read scanned every item of every gate); a prototype's gates
-- by prototype (its page, newest first); My queue starts from the prototypes a person is a PM of.
create index gate_item_gate on gate_item (gate_id);
create index gate_signature_gate on gate_signature (gate_id);
create index gate_prototype on gate (prototype_id, opened_at desc);
create index prototype_exploration_pm on prototype (exploration_pm_id);
create index prototype_delivery_pm on prototype (delivery_pm_id);
