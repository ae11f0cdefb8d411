-- Totals the database keeps for the pages that sum up everything a user may see (issue 3,
-- docs/benchmarks.md): the board's column totals and the home page's counts. Counting or
-- summing a million opportunities takes 300-450 ms on the benchmark machine however it is
-- indexed, since every row is read. These tables hold the same figures per owner (the
-- column the visibility rule reads) and per what the board filters by, so a page sums a
-- few hundred rows instead, under the same visibility rule and filters.
--
-- Statement triggers keep them in the transaction of every write, set-based SQL included,
-- so they are exact at every commit; each statement changes each row it touches once, in
-- key order. A TRUNCATE empties them. Owner 0 and business area 0 stand for none (a primary
-- key cannot hold NULL); no user or area has id 0, so the rule and the filters never match
-- them, as they never match NULL.
--
-- H2 serves small installations: there RecordQueries and the board count the rows.

create table potential_totals (
    stage_id         bigint  not null,
    owner_id         bigint  not null,
    business_area_id bigint  not null,
    records          bigint  not null,
    amount           numeric not null,
    weighted_amount  numeric not null,
    primary key (stage_id, owner_id, business_area_id)
);

create table record_counts (
    table_name varchar(63) not null,
    owner_id   bigint      not null,
    records    bigint      not null,
    primary key (table_name, owner_id)
);

-- Transition tables exist only for their own event, so each branch reads its own.
create function keep_potential_totals() returns trigger language plpgsql as $$
begin
    if tg_op = 'TRUNCATE' then
        delete from potential_totals;
    elsif tg_op = 'INSERT' then
        insert into potential_totals as kept
            (stage_id, owner_id, business_area_id, records, amount, weighted_amount)
        select stage_id, coalesce(owner_id, 0), coalesce(business_area_id, 0), sum(records),
               coalesce(sum(amount), 0), coalesce(sum(weighted_amount), 0)
        from (select stage_id, owner_id, business_area_id, 1 as records, amount, weighted_amount
              from new_rows) change
        group by 1, 2, 3
        having sum(records) <> 0 or coalesce(sum(amount), 0) <> 0
            or coalesce(sum(weighted_amount), 0) <> 0
        order by 1, 2, 3
        on conflict (stage_id, owner_id, business_area_id) do update
        set records = kept.records + excluded.records,
            amount = kept.amount + excluded.amount,
            weighted_amount = kept.weighted_amount + excluded.weighted_amount;
    elsif tg_op = 'DELETE' then
        insert into potential_totals as kept
            (stage_id, owner_id, business_area_id, records, amount, weighted_amount)
        select stage_id, coalesce(owner_id, 0), coalesce(business_area_id, 0), sum(records),
               coalesce(sum(amount), 0), coalesce(sum(weighted_amount), 0)
        from (select stage_id, owner_id, business_area_id, -1 as records, -amount as amount,
                     -weighted_amount as weighted_amount from old_rows) change
        group by 1, 2, 3
        having sum(records) <> 0 or coalesce(sum(amount), 0) <> 0
            or coalesce(sum(weighted_amount), 0) <> 0
        order by 1, 2, 3
        on conflict (stage_id, owner_id, business_area_id) do update
        set records = kept.records + excluded.records,
            amount = kept.amount + excluded.amount,
            weighted_amount = kept.weighted_amount + excluded.weighted_amount;
    else
        insert into potential_totals as kept
            (stage_id, owner_id, business_area_id, records, amount, weighted_amount)
        select stage_id, coalesce(owner_id, 0), coalesce(business_area_id, 0), sum(records),
               coalesce(sum(amount), 0), coalesce(sum(weighted_amount), 0)
        from (select stage_id, owner_id, business_area_id, -1 as records, -amount as amount,
                     -weighted_amount as weighted_amount from old_rows
              union all
              select stage_id, owner_id, business_area_id, 1, amount, weighted_amount from new_rows) change
        group by 1, 2, 3
        having sum(records) <> 0 or coalesce(sum(amount), 0) <> 0
            or coalesce(sum(weighted_amount), 0) <> 0
        order by 1, 2, 3
        on conflict (stage_id, owner_id, business_area_id) do update
        set records = kept.records + excluded.records,
            amount = kept.amount + excluded.amount,
            weighted_amount = kept.weighted_amount + excluded.weighted_amount;
    end if;
    return null;
end;
$$;

create function keep_record_counts() returns trigger language plpgsql as $$
begin
    if tg_op = 'TRUNCATE' then
        delete from record_counts where table_name = tg_table_name;
    elsif tg_op = 'INSERT' then
        insert into record_counts as kept (table_name, owner_id, records)
        select tg_table_name, coalesce(owner_id, 0), sum(records)
        from (select owner_id, 1 as records from new_rows) change
        group by 2
        having sum(records) <> 0
        order by 2
        on conflict (table_name, owner_id) do update set records = kept.records + excluded.records;
    elsif tg_op = 'DELETE' then
        insert into record_counts as kept (table_name, owner_id, records)
        select tg_table_name, coalesce(owner_id, 0), sum(records)
        from (select owner_id, -1 as records from old_rows) change
        group by 2
        having sum(records) <> 0
        order by 2
        on conflict (table_name, owner_id) do update set records = kept.records + excluded.records;
    else
        insert into record_counts as kept (table_name, owner_id, records)
        select tg_table_name, coalesce(owner_id, 0), sum(records)
        from (select owner_id, -1 as records from old_rows
              union all
              select owner_id, 1 from new_rows) change
        group by 2
        having sum(records) <> 0
        order by 2
        on conflict (table_name, owner_id) do update set records = kept.records + excluded.records;
    end if;
    return null;
end;
$$;

create trigger potentials_totals_insert after insert on potentials referencing new table as new_rows
    for each statement execute function keep_potential_totals();
create trigger potentials_totals_update after update on potentials referencing old table as old_rows
    new table as new_rows for each statement execute function keep_potential_totals();
create trigger potentials_totals_delete after delete on potentials referencing old table as old_rows
    for each statement execute function keep_potential_totals();
create trigger potentials_totals_truncate after truncate on potentials
    for each statement execute function keep_potential_totals();

create trigger accounts_counts_insert after insert on accounts referencing new table as new_rows
    for each statement execute function keep_record_counts();
create trigger accounts_counts_update after update on accounts referencing old table as old_rows
    new table as new_rows for each statement execute function keep_record_counts();
create trigger accounts_counts_delete after delete on accounts referencing old table as old_rows
    for each statement execute function keep_record_counts();
create trigger accounts_counts_truncate after truncate on accounts
    for each statement execute function keep_record_counts();

create trigger contacts_counts_insert after insert on contacts referencing new table as new_rows
    for each statement execute function keep_record_counts();
create trigger contacts_counts_update after update on contacts referencing old table as old_rows
    new table as new_rows for each statement execute function keep_record_counts();
create trigger contacts_counts_delete after delete on contacts referencing old table as old_rows
    for each statement execute function keep_record_counts();
create trigger contacts_counts_truncate after truncate on contacts
    for each statement execute function keep_record_counts();

create trigger leads_counts_insert after insert on leads referencing new table as new_rows
    for each statement execute function keep_record_counts();
create trigger leads_counts_update after update on leads referencing old table as old_rows
    new table as new_rows for each statement execute function keep_record_counts();
create trigger leads_counts_delete after delete on leads referencing old table as old_rows
    for each statement execute function keep_record_counts();
create trigger leads_counts_truncate after truncate on leads
    for each statement execute function keep_record_counts();

create trigger potentials_counts_insert after insert on potentials referencing new table as new_rows
    for each statement execute function keep_record_counts();
create trigger potentials_counts_update after update on potentials referencing old table as old_rows
    new table as new_rows for each statement execute function keep_record_counts();
create trigger potentials_counts_delete after delete on potentials referencing old table as old_rows
    for each statement execute function keep_record_counts();
create trigger potentials_counts_truncate after truncate on potentials
    for each statement execute function keep_record_counts();

-- The figures as they stand. The triggers above already lock out writes until this
-- migration commits, so nothing is counted twice or missed.
insert into potential_totals (stage_id, owner_id, business_area_id, records, amount, weighted_amount)
select stage_id, coalesce(owner_id, 0), coalesce(business_area_id, 0), count(*),
       coalesce(sum(amount), 0), coalesce(sum(weighted_amount), 0)
from potentials
group by 1, 2, 3;

insert into record_counts (table_name, owner_id, records)
select 'accounts', coalesce(owner_id, 0), count(*) from accounts group by 2;
insert into record_counts (table_name, owner_id, records)
select 'contacts', coalesce(owner_id, 0), count(*) from contacts group by 2;
insert into record_counts (table_name, owner_id, records)
select 'leads', coalesce(owner_id, 0), count(*) from leads group by 2;
insert into record_counts (table_name, owner_id, records)
select 'potentials', coalesce(owner_id, 0), count(*) from potentials group by 2;
