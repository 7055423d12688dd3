-- People's accounts get an admin API (POST /admin/accounts ...): a display name, and when the
-- password was last set (created or reset by district command). Existing (seeded) accounts show
-- their username and their creation time.
alter table account add column display_name text;
alter table account add column password_changed_at timestamptz;
update account set display_name = username, password_changed_at = created_at;
alter table account alter column display_name set not null;
alter table account alter column password_changed_at set not null;
