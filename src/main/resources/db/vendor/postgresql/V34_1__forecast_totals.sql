-- Totals the database keeps for the forecast report (issue 9, docs/benchmarks.md). Over a
-- year of the full data set the report sums about five million rows (budgets, rolling
-- forecasts, billing and the opportunities' invoicing forecast), several seconds however it
-- is indexed. This table holds the same sums per figure, owner, account type, month,
-- business area and currency: the columns the report groups and filters by and the column
-- the visibility rule reads. A report that does not need the account itself (not grouped
-- by account, no account filter) sums some ten thousand of these rows instead, under the
-- same rule.
--
-- As in V10_1, statement triggers keep it in the transaction of every write, set-based SQL
-- included, so it is exact at every commit. The owner is the account's for budget, forecast
-- and billing and the opportunity's for the invoicing forecast, which counts as won (in
-- full) or open (in full and weighted by the probability) by its stage's kind; lost ones
-- are not kept. The account type is the account's, for an opportunity the type of its
-- account ('' for none). A change of the owner, stage, probability, currency or account
-- of an opportunity, of the owner or type of an account, or of the kind of a stage moves
-- the figures with it. A
-- deleted account or opportunity takes its figures out before its rows go (a row trigger
-- before the delete), since the cascaded rows can no longer find their owner. Owner 0 and
-- business area 0 stand for none, as in V10_1. weighted100 is the weighted amount times
-- 100 (amount times percentage), exact.

create table forecast_totals (
    figure           varchar(10)     not null,
    owner_id         bigint          not null,
    account_type     varchar(20)     not null,
    month            date            not null,
    business_area_id bigint          not null,
    currency         varchar(3)      not null,
    records          bigint          not null,
    amount           numeric         not null,
    weighted100      numeric         not null,
    primary key (month, figure, owner_id, account_type, business_area_id, currency),
    constraint ck_forecast_totals_figure check (figure in ('budget', 'forecast', 'billing', 'won', 'open'))
);
-- A rep's or a team's report reads its owners' months, not every owner's.
create index ix_forecast_totals_owner on forecast_totals (owner_id, month);

-- Adds the signed rows of a change, given as SQL with the columns figure, owner_id,
-- account_type, month, business_area_id, currency, records, amount, weighted100. Run by EXECUTE inside the
-- trigger functions, so the change may read their transition tables.
create function forecast_totals_upsert(change text) returns text language sql immutable as $$
    select 'insert into forecast_totals as kept'
        || ' (figure, owner_id, account_type, month, business_area_id, currency, records, amount, weighted100)'
        || ' select figure, coalesce(owner_id, 0), coalesce(account_type, ''''), month,'
        || ' coalesce(business_area_id, 0), currency, sum(records), sum(amount), sum(weighted100)'
        || ' from (' || change || ') change'
        || ' group by 1, 2, 3, 4, 5, 6'
        || ' having sum(records) <> 0 or sum(amount) <> 0 or sum(weighted100) <> 0'
        || ' order by 4, 1, 2, 3, 5, 6'
        || ' on conflict (month, figure, owner_id, account_type, business_area_id, currency) do update'
        || ' set records = kept.records + excluded.records, amount = kept.amount + excluded.amount,'
        || ' weighted100 = kept.weighted100 + excluded.weighted100'
$$;

-- The signed rows of an account figure table's transition table (old_rows or new_rows,
-- sign -1 or 1), under the owner the account has now.
create function forecast_totals_account_rows(figure text, month_column text, rows_name text, sign int)
        returns text language sql immutable as $$
    select format('select %L as figure, a.owner_id, a.account_type, r.%I as month, r.business_area_id, r.currency,'
        || ' %s as records, %s * r.amount as amount, 0 as weighted100'
        || ' from %I r join accounts a on a.id = r.account_id', figure, month_column, sign, sign, rows_name)
$$;

-- The signed rows of an invoicing forecast transition table under the opportunity as it
-- is now.
create function forecast_totals_potential_rows(rows_name text, sign int) returns text language sql immutable as $$
    select format('select s.kind as figure, p.owner_id, pa.account_type, r.forecast_month as month,'
        || ' r.business_area_id, p.currency, %s as records, %s * r.amount as amount,'
        || ' %s * r.amount * coalesce(p.probability, 0) as weighted100'
        || ' from %I r join potentials p on p.id = r.potential_id'
        || ' join pipeline_stages s on s.id = p.stage_id and s.kind <> ''lost'''
        || ' left join accounts pa on pa.id = p.account_id', sign, sign, sign, rows_name)
$$;

create function keep_account_figure_totals() returns trigger language plpgsql as $$
begin
    if tg_op = 'TRUNCATE' then
        delete from forecast_totals where figure = tg_argv[0];
    elsif tg_op = 'INSERT' then
        execute forecast_totals_upsert(forecast_totals_account_rows(tg_argv[0], tg_argv[1], 'new_rows', 1));
    elsif tg_op = 'DELETE' then
        execute forecast_totals_upsert(forecast_totals_account_rows(tg_argv[0], tg_argv[1], 'old_rows', -1));
    else
        execute forecast_totals_upsert(forecast_totals_account_rows(tg_argv[0], tg_argv[1], 'old_rows', -1)
            || ' union all ' || forecast_totals_account_rows(tg_argv[0], tg_argv[1], 'new_rows', 1));
    end if;
    return null;
end;
$$;

create function keep_potential_forecast_totals() returns trigger language plpgsql as $$
begin
    if tg_op = 'TRUNCATE' then
        delete from forecast_totals where figure in ('won', 'open');
    elsif tg_op = 'INSERT' then
        execute forecast_totals_upsert(forecast_totals_potential_rows('new_rows', 1));
    elsif tg_op = 'DELETE' then
        execute forecast_totals_upsert(forecast_totals_potential_rows('old_rows', -1));
    else
        execute forecast_totals_upsert(forecast_totals_potential_rows('old_rows', -1)
            || ' union all ' || forecast_totals_potential_rows('new_rows', 1));
    end if;
    return null;
end;
$$;

-- An account whose owner or type changed moves its three figures from the old owner and
-- type to the new; a change of type moves its opportunities' invoicing forecast too.
create function move_account_forecast_totals() returns trigger language plpgsql as $$
begin
    execute forecast_totals_upsert(
        'select f.figure, m.owner_id, m.account_type, f.month, f.business_area_id, f.currency,'
        || ' m.sign * f.records as records, m.sign * f.amount as amount, m.sign * f.weighted100 as weighted100'
        || ' from (select o.id, o.owner_id, o.account_type, -1 as sign'
        || '         from old_rows o join new_rows n on n.id = o.id'
        || '         where (o.owner_id, o.account_type) is distinct from (n.owner_id, n.account_type)'
        || '       union all'
        || '       select n.id, n.owner_id, n.account_type, 1'
        || '         from old_rows o join new_rows n on n.id = o.id'
        || '         where (o.owner_id, o.account_type) is distinct from (n.owner_id, n.account_type)) m'
        || ' join lateral (select ''budget'' as figure, budget_month as month, business_area_id, currency,'
        || '         1 as records, amount, 0 as weighted100 from account_budgets where account_id = m.id'
        || '       union all select ''forecast'', forecast_month, business_area_id, currency, 1, amount, 0'
        || '         from account_forecasts where account_id = m.id'
        || '       union all select ''billing'', billing_month, business_area_id, currency, 1, amount, 0'
        || '         from billing where account_id = m.id) f on true'
        || ' union all'
        || ' select s.kind, p.owner_id, m.account_type, r.forecast_month, r.business_area_id, p.currency,'
        || ' m.sign, m.sign * r.amount, m.sign * r.amount * coalesce(p.probability, 0)'
        || ' from (select o.id, o.account_type, -1 as sign from old_rows o join new_rows n on n.id = o.id'
        || '         where o.account_type <> n.account_type'
        || '       union all'
        || '       select n.id, n.account_type, 1 from old_rows o join new_rows n on n.id = o.id'
        || '         where o.account_type <> n.account_type) m'
        || ' join potentials p on p.account_id = m.id'
        || ' join pipeline_stages s on s.id = p.stage_id and s.kind <> ''lost'''
        || ' join potential_forecasts r on r.potential_id = p.id');
    return null;
end;
$$;

-- An opportunity whose owner, stage, probability, currency or account changed moves its
-- invoicing forecast: out as it was, in as it is (a lost stage counts nowhere).
create function move_potential_forecast_totals() returns trigger language plpgsql as $$
begin
    execute forecast_totals_upsert(
        'select s.kind as figure, m.owner_id, pa.account_type, r.forecast_month as month, r.business_area_id,'
        || ' m.currency, m.sign as records, m.sign * r.amount as amount,'
        || ' m.sign * r.amount * coalesce(m.probability, 0) as weighted100'
        || ' from (select o.id, o.owner_id, o.stage_id, o.probability, o.currency, o.account_id, -1 as sign'
        || '         from old_rows o join new_rows n on n.id = o.id'
        || '         where (o.owner_id, o.stage_id, o.probability, o.currency, o.account_id)'
        || '           is distinct from (n.owner_id, n.stage_id, n.probability, n.currency, n.account_id)'
        || '       union all'
        || '       select n.id, n.owner_id, n.stage_id, n.probability, n.currency, n.account_id, 1'
        || '         from old_rows o join new_rows n on n.id = o.id'
        || '         where (o.owner_id, o.stage_id, o.probability, o.currency, o.account_id)'
        || '           is distinct from (n.owner_id, n.stage_id, n.probability, n.currency, n.account_id)) m'
        || ' join pipeline_stages s on s.id = m.stage_id and s.kind <> ''lost'''
        || ' join potential_forecasts r on r.potential_id = m.id'
        || ' left join accounts pa on pa.id = m.account_id');
    return null;
end;
$$;

-- A stage whose kind changed moves the invoicing forecast of its opportunities.
create function move_stage_forecast_totals() returns trigger language plpgsql as $$
begin
    execute forecast_totals_upsert(
        'select m.kind as figure, p.owner_id, pa.account_type, r.forecast_month as month, r.business_area_id,'
        || ' p.currency, m.sign as records, m.sign * r.amount as amount,'
        || ' m.sign * r.amount * coalesce(p.probability, 0) as weighted100'
        || ' from (select o.id, o.kind, -1 as sign from old_rows o join new_rows n on n.id = o.id'
        || '         where o.kind <> n.kind and o.kind <> ''lost'''
        || '       union all'
        || '       select n.id, n.kind, 1 from old_rows o join new_rows n on n.id = o.id'
        || '         where o.kind <> n.kind and n.kind <> ''lost'') m'
        || ' join potentials p on p.stage_id = m.id'
        || ' join potential_forecasts r on r.potential_id = p.id'
        || ' left join accounts pa on pa.id = p.account_id');
    return null;
end;
$$;

-- A deleted account or opportunity takes its figures out while its rows still exist.
create function remove_account_forecast_totals() returns trigger language plpgsql as $$
begin
    execute forecast_totals_upsert(format(
        'select figure, %s::bigint as owner_id, %L::varchar as account_type, month, business_area_id,'
        || ' currency, -1 as records, -amount as amount, 0 as weighted100'
        || ' from (select ''budget'' as figure, budget_month as month, business_area_id, currency, amount'
        || '         from account_budgets where account_id = %s'
        || '       union all select ''forecast'', forecast_month, business_area_id, currency, amount'
        || '         from account_forecasts where account_id = %s'
        || '       union all select ''billing'', billing_month, business_area_id, currency, amount'
        || '         from billing where account_id = %s) f',
        coalesce(old.owner_id, 0), old.account_type, old.id, old.id, old.id));
    return old;
end;
$$;

create function remove_potential_forecast_totals() returns trigger language plpgsql as $$
begin
    execute forecast_totals_upsert(format(
        'select s.kind as figure, %s::bigint as owner_id,'
        || ' (select pa.account_type from accounts pa where pa.id = %s) as account_type,'
        || ' r.forecast_month as month, r.business_area_id, %L::varchar as currency, -1 as records,'
        || ' -r.amount as amount, -r.amount * %s as weighted100'
        || ' from potential_forecasts r join pipeline_stages s on s.id = %s and s.kind <> ''lost'''
        || ' where r.potential_id = %s',
        coalesce(old.owner_id, 0), coalesce(old.account_id, 0), old.currency, coalesce(old.probability, 0),
        old.stage_id, old.id));
    return old;
end;
$$;

create trigger account_budgets_forecast_totals_insert after insert on account_budgets
    referencing new table as new_rows for each statement execute function keep_account_figure_totals('budget', 'budget_month');
create trigger account_budgets_forecast_totals_update after update on account_budgets
    referencing old table as old_rows new table as new_rows
    for each statement execute function keep_account_figure_totals('budget', 'budget_month');
create trigger account_budgets_forecast_totals_delete after delete on account_budgets
    referencing old table as old_rows for each statement execute function keep_account_figure_totals('budget', 'budget_month');
create trigger account_budgets_forecast_totals_truncate after truncate on account_budgets
    for each statement execute function keep_account_figure_totals('budget', 'budget_month');

create trigger account_forecasts_forecast_totals_insert after insert on account_forecasts
    referencing new table as new_rows for each statement execute function keep_account_figure_totals('forecast', 'forecast_month');
create trigger account_forecasts_forecast_totals_update after update on account_forecasts
    referencing old table as old_rows new table as new_rows
    for each statement execute function keep_account_figure_totals('forecast', 'forecast_month');
create trigger account_forecasts_forecast_totals_delete after delete on account_forecasts
    referencing old table as old_rows for each statement execute function keep_account_figure_totals('forecast', 'forecast_month');
create trigger account_forecasts_forecast_totals_truncate after truncate on account_forecasts
    for each statement execute function keep_account_figure_totals('forecast', 'forecast_month');

create trigger billing_forecast_totals_insert after insert on billing
    referencing new table as new_rows for each statement execute function keep_account_figure_totals('billing', 'billing_month');
create trigger billing_forecast_totals_update after update on billing
    referencing old table as old_rows new table as new_rows
    for each statement execute function keep_account_figure_totals('billing', 'billing_month');
create trigger billing_forecast_totals_delete after delete on billing
    referencing old table as old_rows for each statement execute function keep_account_figure_totals('billing', 'billing_month');
create trigger billing_forecast_totals_truncate after truncate on billing
    for each statement execute function keep_account_figure_totals('billing', 'billing_month');

create trigger potential_forecasts_forecast_totals_insert after insert on potential_forecasts
    referencing new table as new_rows for each statement execute function keep_potential_forecast_totals();
create trigger potential_forecasts_forecast_totals_update after update on potential_forecasts
    referencing old table as old_rows new table as new_rows
    for each statement execute function keep_potential_forecast_totals();
create trigger potential_forecasts_forecast_totals_delete after delete on potential_forecasts
    referencing old table as old_rows for each statement execute function keep_potential_forecast_totals();
create trigger potential_forecasts_forecast_totals_truncate after truncate on potential_forecasts
    for each statement execute function keep_potential_forecast_totals();

create trigger accounts_forecast_totals_update after update on accounts
    referencing old table as old_rows new table as new_rows
    for each statement execute function move_account_forecast_totals();
create trigger accounts_forecast_totals_delete before delete on accounts
    for each row execute function remove_account_forecast_totals();

create trigger potentials_forecast_totals_update after update on potentials
    referencing old table as old_rows new table as new_rows
    for each statement execute function move_potential_forecast_totals();
create trigger potentials_forecast_totals_delete before delete on potentials
    for each row execute function remove_potential_forecast_totals();

create trigger pipeline_stages_forecast_totals_update after update on pipeline_stages
    referencing old table as old_rows new table as new_rows
    for each statement execute function move_stage_forecast_totals();

-- The figures as they stand; the triggers above lock out writes until this commits.
insert into forecast_totals
    (figure, owner_id, account_type, month, business_area_id, currency, records, amount, weighted100)
select 'budget', coalesce(a.owner_id, 0), a.account_type, r.budget_month, r.business_area_id, r.currency, count(*),
       sum(r.amount), 0
from account_budgets r join accounts a on a.id = r.account_id
group by 2, 3, 4, 5, 6;
insert into forecast_totals
    (figure, owner_id, account_type, month, business_area_id, currency, records, amount, weighted100)
select 'forecast', coalesce(a.owner_id, 0), a.account_type, r.forecast_month, r.business_area_id, r.currency,
       count(*), sum(r.amount), 0
from account_forecasts r join accounts a on a.id = r.account_id
group by 2, 3, 4, 5, 6;
insert into forecast_totals
    (figure, owner_id, account_type, month, business_area_id, currency, records, amount, weighted100)
select 'billing', coalesce(a.owner_id, 0), a.account_type, r.billing_month, r.business_area_id, r.currency,
       count(*), sum(r.amount), 0
from billing r join accounts a on a.id = r.account_id
group by 2, 3, 4, 5, 6;
insert into forecast_totals
    (figure, owner_id, account_type, month, business_area_id, currency, records, amount, weighted100)
select s.kind, coalesce(p.owner_id, 0), coalesce(pa.account_type, ''), r.forecast_month,
       coalesce(r.business_area_id, 0), p.currency, count(*), sum(r.amount),
       sum(r.amount * coalesce(p.probability, 0))
from potential_forecasts r join potentials p on p.id = r.potential_id
join pipeline_stages s on s.id = p.stage_id and s.kind <> 'lost'
left join accounts pa on pa.id = p.account_id
group by 1, 2, 3, 4, 5, 6;
