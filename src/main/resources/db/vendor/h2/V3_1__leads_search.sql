-- H2 has no trigram indexes. The lower-case email that duplicate checks (CSV import)
-- look up by index, as on PostgreSQL (where the column is STORED; H2 has no such word).
alter table leads add column email_key varchar(200) generated always as (lower(email));
create index ix_leads_email_key on leads (email_key);
