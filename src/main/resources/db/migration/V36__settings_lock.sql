-- A row that every save of a group of settings takes first (Settings.checkVersion): a
-- group saved for the first time has no rows of its own to hold yet, so without it two
-- such saves could both pass the version check and the later one overwrite the earlier.
insert into settings (setting_key, setting_value, created_at, created_by, updated_at, updated_by)
values ('platform.settings.lock', null, current_timestamp, 'system', current_timestamp, 'system');
