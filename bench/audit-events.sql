-- Appends :events audit events to the chain, hashed exactly as the application hashes them
-- (version 2: SHA-256 of the previous hash and the RFC 8785 canonical JSON payload). The payloads
-- are plain ASCII with members written in canonical order, so the text built here is canonical.
-- Varied like a real trail: 40 people, 12 event types, 5 subject kinds, two years of minutes.
select set_config('bench.events', :'events', false);
do $$
declare
    head_seq bigint;
    prev text;
    n bigint;
    total bigint := current_setting('bench.events')::bigint;
    t timestamptz;
    actor text;
    action text;
    etype text;
    eid text;
    val text;
    payload text;
    h text;
    actions text[] := array['GATE_OPENED','GATE_ITEM_ANSWERED','GATE_SIGNED','GATE_SIGNATURE_INVALIDATED',
        'GATE_APPROVED','GATE_REJECTED','STAGE_ADVANCED','OBSERVATIONS_RECORDED','PROTOTYPE_UPDATED',
        'USER_UPDATED','TOKEN_CREATED','MATURITY_ASSESSED'];
    etypes text[] := array['gate','prototype','user','observation','maturity_assessment'];
begin
    select seq, hash into head_seq, prev from audit_event order by seq desc limit 1;
    if head_seq is null then head_seq := 0; prev := repeat('0', 64); end if;
    for n in head_seq + 1 .. head_seq + total loop
        t := timestamptz '2024-01-01 00:00:00+00' + (n - head_seq) * interval '1 minute';
        actor := 'bench' || (n % 40);
        action := actions[1 + (n % 12)];
        etype := etypes[1 + (n % 5)];
        eid := 'B-' || (n % 1000);
        val := '{"n":' || n || ',"track":"TECHNICAL"}';
        payload := '{"action":"' || action || '","actor":"' || actor || '","entityId":"' || eid
            || '","entityType":"' || etype || '","newValue":' || val || ',"occurredAt":"'
            || to_char(t at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') || '","oldValue":null,"reason":null,"seq":'
            || n || '}';
        h := encode(sha256(convert_to(prev || payload, 'UTF8')), 'hex');
        insert into audit_event (seq, occurred_at, actor, action, entity_type, entity_id, old_value, new_value,
                                 reason, prev_hash, hash, hash_version)
        values (n, t, actor, action, etype, eid, null, val, null, prev, h, 2);
        prev := h;
    end loop;
end
$$;
