-- A signature given under a delegation records on whose behalf, under which delegation and
-- why. Separation of duties, kept by the database too, now counts the principal as well: one
-- person never holds both tracks of a gate, directly or on behalf of someone.
alter table gate_signature add column on_behalf_of_id bigint references app_user (id) on delete restrict;
alter table gate_signature add column on_behalf_of_name varchar(120);
alter table gate_signature add column delegation_id bigint references delegation (id) on delete restrict;
alter table gate_signature add column delegation_reason varchar(500);
alter table gate_signature add constraint gate_signature_on_behalf_check check (
    (on_behalf_of_id is null) = (delegation_id is null)
    and (on_behalf_of_id is null) = (on_behalf_of_name is null)
    and (on_behalf_of_id is null or on_behalf_of_id <> signer_id));

create or replace function gate_signature_guard() returns trigger language plpgsql as $$
begin
    if tg_op = 'DELETE' then
        raise exception 'gate_signature rows are never deleted';
    end if;
    if tg_op = 'INSERT' then
        perform pg_advisory_xact_lock(7001, new.gate_id::int);
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
