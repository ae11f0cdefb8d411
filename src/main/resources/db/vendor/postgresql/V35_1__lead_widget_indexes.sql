-- Indexes for the home page's two lead widgets (issue 10, docs/benchmarks.md), so that
-- both come from index-only scans for every user. INCLUDE is PostgreSQL's.

-- Leads by source and stage: grouped in the index, for everyone (the whole index) and
-- per owner (a rep's range, a manager's team of ranges).
create index ix_leads_owner_stage_source on leads (owner_id, stage_id, lead_source);

-- Lead conversion by month counts the converted leads of the last twelve months: the two
-- created_at indexes of V5_1 carry converted_at as well (same keys, so the lead list's
-- pages keep them).
drop index ix_leads_owner_created;
create index ix_leads_owner_created on leads (owner_id, created_at desc, id) include (converted_at);
drop index ix_leads_created_cover;
create index ix_leads_created_cover on leads (created_at desc, id) include (owner_id, converted_at);
