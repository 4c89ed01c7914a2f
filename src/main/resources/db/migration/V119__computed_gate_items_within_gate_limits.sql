-- V91 (gate limits) and V102 (computed checklist items) were written side by side: V91's checks
-- on gate_item knew only MEASURE as a kind with a threshold and a stored value. A computed item
-- has both, as its template item already may (V102): the same rule, now for gate_item too.
alter table gate_item drop constraint gate_item_measure_check;
alter table gate_item add constraint gate_item_measure_check check (
    (kind in ('MEASURE', 'COMPUTED') and comparator in ('>=', '<=', '>', '<') and threshold is not null
        and unit is not null)
    or (kind not in ('MEASURE', 'COMPUTED') and comparator is null and threshold is null));
alter table gate_item drop constraint gate_item_answer_kind_check;
alter table gate_item add constraint gate_item_answer_kind_check check (
    (kind in ('MEASURE', 'COMPUTED') or answer_value is null) and (kind = 'ATTESTATION' or answer_yes is null));
