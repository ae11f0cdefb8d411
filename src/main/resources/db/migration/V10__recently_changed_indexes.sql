-- The records changed last, for the home page (issue 3, docs/benchmarks.md): newest first,
-- then by id, as RecordQueries sorts "-updated_at". Without them the home page sorted all
-- of an admin's 500,000 leads to show five; with them it reads five index entries (or a
-- few hundred for a rep, whose own records are among them).
create index ix_accounts_updated on accounts (updated_at desc, id);
create index ix_contacts_updated on contacts (updated_at desc, id);
create index ix_leads_updated on leads (updated_at desc, id);
-- Replaces V2's (updated_at), which serves the snapshots' ranges on updated_at just as well.
create index ix_potentials_updated_id on potentials (updated_at desc, id);
drop index if exists ix_potentials_updated;
