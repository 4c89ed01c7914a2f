-- How the signer proved who they were at the moment of signing: the password re-check, or a fresh
-- re-authentication at the OpenID provider (its issuer and the ID token's auth_time). Signatures
-- recorded before carry the password re-check, which is what they had.
alter table gate_signature add column auth_method varchar(20) not null default 'PASSWORD';
alter table gate_signature add column auth_issuer varchar(255);
alter table gate_signature add column auth_time timestamptz;
alter table gate_signature add constraint gate_signature_auth_method_check check (
    (auth_method = 'PASSWORD' and auth_issuer is null and auth_time is null)
    or (auth_method = 'OIDC' and auth_issuer is not null and auth_time is not null));

-- Like every other part of a signature, its method is never edited.
create function gate_signature_auth_method_fixed() returns trigger language plpgsql as $$
begin
    if new.auth_method <> old.auth_method or new.auth_issuer is distinct from old.auth_issuer
        or new.auth_time is distinct from old.auth_time then
        raise exception 'a signature cannot be edited; it can only be invalidated';
    end if;
    return new;
end;
$$;

create trigger gate_signature_auth_method_fixed before update on gate_signature
    for each row execute function gate_signature_auth_method_fixed();
