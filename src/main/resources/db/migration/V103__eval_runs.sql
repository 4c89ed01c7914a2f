-- Learning loop, part 4: eval results from CI as evidence. Each run of a suite (a promptfoo results
-- file, or a plain {suite, passed, failed, run_at, commit}) is kept; its pass rate becomes an
-- observation of eval_pass_rate_pct, and a checklist item can require a pass rate on a suite from a
-- run no older than some days.
insert into metric_definition (key, name, unit, kind, direction, min_value, max_value, derived_from) values
    ('eval_pass_rate_pct', 'Eval pass rate (CI)', '%', 'TECHNICAL', 'HIGHER_IS_BETTER', 0, 100, 'EVAL');

create table eval_run (
    id             bigint generated always as identity primary key,
    prototype_id   bigint        not null references prototype (id) on delete restrict,
    suite          varchar(64)   not null,
    passed         integer       not null,
    failed         integer       not null,
    errors         integer       not null default 0,
    pass_rate_pct  numeric(6, 3) not null,
    run_at         timestamptz   not null,
    commit_sha     varchar(64),
    format         varchar(10)   not null,
    eval_id        varchar(100),
    recorded_by    bigint        references app_user (id) on delete restrict,
    recorded_at    timestamptz   not null,
    constraint eval_run_suite_check check (suite ~ '^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$'),
    constraint eval_run_counts_check check (passed >= 0 and failed >= 0 and errors >= 0
        and passed + failed + errors > 0),
    constraint eval_run_rate_check check (pass_rate_pct between 0 and 100),
    constraint eval_run_format_check check (format in ('PROMPTFOO', 'PLAIN'))
);

create index eval_run_suite on eval_run (prototype_id, suite, run_at desc);
-- The same promptfoo evaluation is recorded once.
create unique index eval_run_once on eval_run (prototype_id, suite, eval_id) where eval_id is not null;

create trigger eval_run_append_only before update or delete on eval_run
    for each row execute function learning_refuse_change();
