-- H2 has no trigram indexes; the plain indexes of V1 serve prefix search. Kept so both vendors share version numbers.
select 1;
