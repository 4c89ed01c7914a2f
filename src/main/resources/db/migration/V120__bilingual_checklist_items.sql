-- Checklist items in English and Simplified Chinese: the question (label stays the English
-- text), a help text in both languages, and the framework controls an item helps to meet
-- (ids such as 'ISO42001:A.6.2.4', never a standard's text). Gates copy all of it when they
-- open, so a gate keeps the words it was answered and signed in.
alter table checklist_template_item add column label_zh varchar(500);
alter table checklist_template_item add column help_en varchar(2000);
alter table checklist_template_item add column help_zh varchar(2000);
alter table checklist_template_item add column framework_refs varchar(48)[] not null default '{}';

alter table gate_item add column label_zh varchar(500);
alter table gate_item add column help_en varchar(2000);
alter table gate_item add column help_zh varchar(2000);
alter table gate_item add column framework_refs varchar(48)[] not null default '{}';

create index gate_item_framework_refs on gate_item using gin (framework_refs);

-- The canonical form a signature's hash was computed with. Version 1 (every signature given
-- before this migration) covers codes, thresholds and answers; version 2 also covers both
-- texts, the help and the references, so switching the reader's language never changes what
-- was signed. A signature is always verified with its own version.
alter table gate_signature add column hash_version integer not null default 1;
alter table gate_signature add constraint gate_signature_hash_version_check check (hash_version in (1, 2));

-- The guard of V82, which also keeps the hash version as it was written.
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
