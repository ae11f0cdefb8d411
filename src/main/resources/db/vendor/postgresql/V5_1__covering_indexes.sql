-- Covering indexes for the lists of a million opportunities and half a million leads
-- (issue 3, docs/benchmarks.md). INCLUDE is PostgreSQL's: with the filter, sort and summed
-- columns in the index, a page (its ids, see RecordQueries), its count and its totals come
-- from index-only scans, and a manager's team filter on owner_id is checked in the index
-- instead of on a table row. Each replaces the narrower index of V2 it starts like.

-- Opportunities by stage, sorted by close date: any user's stage filter and the board's
-- columns; owner_id for the team filter, amounts for the list's totals.
create index ix_potentials_stage_close_cover on potentials (stage_id, expected_close_date, id)
    include (owner_id, amount, weighted_amount);
drop index ix_potentials_stage_close;

-- A rep's own opportunities by stage, sorted by close date, with their totals.
create index ix_potentials_owner_stage_cover on potentials (owner_id, stage_id, expected_close_date, id)
    include (amount, weighted_amount);
drop index ix_potentials_owner_stage_close;

-- Leads newest first (the lead list's default sort, then id), for everyone and per owner.
create index ix_leads_created_cover on leads (created_at desc, id) include (owner_id);
drop index ix_leads_created;
create index ix_leads_owner_created on leads (owner_id, created_at desc, id);
drop index ix_leads_owner;
