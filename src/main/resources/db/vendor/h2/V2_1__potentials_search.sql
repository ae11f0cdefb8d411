-- H2 has no trigram indexes; kept so both vendors share version numbers.
select 1;
