-- The SLA target to the second (dualgate.gate.sla-hours takes a Duration such as PT5S as well
-- as plain hours); sla_hours stays, rounded up, for readers that count in hours. Rows written
-- with sla_hours only get the matching seconds.
alter table gate add column sla_seconds bigint;
update gate set sla_seconds = sla_hours * 3600;

create function gate_sla_seconds_default() returns trigger language plpgsql as $$
begin
    if new.sla_seconds is null then
        new.sla_seconds := new.sla_hours * 3600;
    end if;
    return new;
end;
$$;

create trigger gate_sla_seconds_default before insert on gate
    for each row execute function gate_sla_seconds_default();

alter table gate alter column sla_seconds set not null;
alter table gate add constraint gate_sla_seconds_check check (sla_seconds > 0);

-- Evidence links may be valid until a date; once it passes the item fails ("evidence expired
-- on <date>") until new evidence is given.
alter table gate_item add column evidence_valid_until date;
alter table gate_item add column evidence_expired_on date;
create index gate_item_evidence_valid_until on gate_item (evidence_valid_until)
    where evidence_valid_until is not null;
