-- H2 has no INCLUDE columns and serves small installations; the indexes of V2 stay. Kept so
-- both vendors share version numbers.
select 1;
