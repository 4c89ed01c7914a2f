-- Limits Java keeps on gates, kept by PostgreSQL as well (issue 12, defect 3).

-- A rejection is stored as "<TRACK>: <reason>" while the reason alone may have 1000 characters:
-- room for the longest track name, its ": " and the reason (Gate.MAX_DECISION_REASON).
alter table gate alter column decision_reason type varchar(1012);

-- What GateItem keeps, as checklist_template_item already does: a measure has a comparator, a
-- threshold and a unit, other kinds have neither; an answer holds only the field of its kind.
alter table gate_item add constraint gate_item_measure_check check (
    (kind = 'MEASURE' and comparator in ('>=', '<=', '>', '<') and threshold is not null and unit is not null)
    or (kind <> 'MEASURE' and comparator is null and threshold is null));
alter table gate_item add constraint gate_item_answer_kind_check check (
    (kind = 'MEASURE' or answer_value is null) and (kind = 'ATTESTATION' or answer_yes is null));

-- The separation-of-duties lock took new.gate_id::int, which fails for a gate id beyond 2^31:
-- the two-int form now gets the id's 32-bit hash (a shared hash only makes two gates wait for
-- each other, never lets one pass unchecked). Otherwise the function is V82's.
create or replace function gate_signature_guard() returns trigger language plpgsql as $$
begin
    if tg_op = 'DELETE' then
        raise exception 'gate_signature rows are never deleted';
    end if;
    if tg_op = 'INSERT' then
        perform pg_advisory_xact_lock(7001, hashint8(new.gate_id));
        if exists (select 1 from gate_signature s
                   where s.gate_id = new.gate_id and s.track <> new.track
                     and (s.signer_id in (new.signer_id, new.on_behalf_of_id)
                          or s.on_behalf_of_id in (new.signer_id, new.on_behalf_of_id))) then
            raise exception 'separation of duties: user % (on behalf of %) already holds the other track of gate %',
                new.signer_id, new.on_behalf_of_id, new.gate_id using errcode = '23514';
        end if;
        return new;
    end if;
    -- UPDATE: only the invalidation flags may change, and only from valid to invalid.
    if new.gate_id <> old.gate_id or new.track <> old.track or new.signer_id <> old.signer_id
        or new.signer_name <> old.signer_name or new.signed_at <> old.signed_at or new.meaning <> old.meaning
        or new.meaning_text <> old.meaning_text or new.reason is distinct from old.reason
        or new.template_id <> old.template_id or new.template_version <> old.template_version
        or new.content_hash <> old.content_hash or (not old.valid and new.valid)
        or new.on_behalf_of_id is distinct from old.on_behalf_of_id
        or new.on_behalf_of_name is distinct from old.on_behalf_of_name
        or new.delegation_id is distinct from old.delegation_id
        or new.delegation_reason is distinct from old.delegation_reason then
        raise exception 'a signature cannot be edited; it can only be invalidated';
    end if;
    return new;
end;
$$;
