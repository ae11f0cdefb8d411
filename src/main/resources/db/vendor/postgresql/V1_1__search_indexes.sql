-- Case-insensitive "contains" search (lower(col) like '%x%') uses trigram indexes on PostgreSQL.
create extension if not exists pg_trgm;
create index ix_accounts_name_trgm on accounts using gin (lower(name) gin_trgm_ops);
create index ix_contacts_name_trgm on contacts using gin (lower(last_name || ' ' || coalesce(first_name, '')) gin_trgm_ops);
