-- PostgreSQL keeps the board's stage totals and the home page's counts in tables that
-- triggers maintain (see its V10_1). H2 serves small installations, where counting the rows
-- is fast enough: RecordQueries and the board count them. Kept so both vendors share
-- version numbers.
select 1;
