-- Lead search by "first last" and by email ("contains") over half a million leads, and
-- the lower-case email that duplicate checks (CSV import) look up by index.
create index ix_leads_first_last_trgm on leads using gin (lower(coalesce(first_name, '') || ' ' || last_name) gin_trgm_ops);
create index ix_leads_email_trgm on leads using gin (lower(email) gin_trgm_ops);
alter table leads add column email_key varchar(200) generated always as (lower(email)) stored;
create index ix_leads_email_key on leads (email_key);
