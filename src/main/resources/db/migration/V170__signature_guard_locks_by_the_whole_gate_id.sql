-- V120 (bilingual items) re-created the signature guard from V82's text, written before V91
-- changed its lock to take the whole bigint gate id: the lock again took new.gate_id::int, which
-- fails for a gate id beyond 2^31. Otherwise the function is V120's (signatures never edited,
-- their hash version included).
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
        or new.content_hash <> old.content_hash or new.hash_version <> old.hash_version
        or (not old.valid and new.valid)
        or new.on_behalf_of_id is distinct from old.on_behalf_of_id
        or new.on_behalf_of_name is distinct from old.on_behalf_of_name
        or new.delegation_id is distinct from old.delegation_id
        or new.delegation_reason is distinct from old.delegation_reason then
        raise exception 'a signature cannot be edited; it can only be invalidated';
    end if;
    return new;
end;
$$;
