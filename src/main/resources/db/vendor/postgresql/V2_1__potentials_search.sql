-- Name search ("contains") over a million opportunities and half a million leads.
create index ix_potentials_name_trgm on potentials using gin (lower(name) gin_trgm_ops);
create index ix_leads_name_trgm on leads using gin (lower(last_name || ' ' || coalesce(first_name, '') || ' ' || coalesce(company, '')) gin_trgm_ops);
