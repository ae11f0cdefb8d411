-- Scheduled delivery of saved reports: a report is sent as XLSX daily, weekly or monthly
-- to a list of addresses, run as its owner. next_send_at is claimed with a conditional
-- update before a report is sent, so that it is sent once even with several instances.
alter table reports add column schedule varchar(10) default 'none' not null;
alter table reports add column recipients varchar(1000);
alter table reports add column next_send_at timestamp with time zone;
alter table reports add column last_sent_at timestamp with time zone;
alter table reports add constraint ck_reports_schedule check (schedule in ('none', 'daily', 'weekly', 'monthly'));
create index ix_reports_next_send on reports (next_send_at);
