-- PostgreSQL keeps the forecast report's monthly totals per owner in a table that triggers
-- maintain (see its V34_1). H2 serves small installations, where the report sums the rows.
-- Kept so both vendors share version numbers.
select 1;
