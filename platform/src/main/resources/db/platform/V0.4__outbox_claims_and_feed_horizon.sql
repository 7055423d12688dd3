-- Relay leases: a relay claims rows in a short transaction (claimed_by, claimed_until), sends them
-- to Kafka with no database transaction open, and marks the outcome in a second short one. Another
-- relay skips leased rows; the lease of a relay that crashed mid-pass simply expires.
alter table outbox
  add column claimed_by    text,
  add column claimed_until timestamptz;

-- The feed's purge horizon: retention removes a prefix of the log (seq <= purged_through). A
-- reader whose cursor is below it has missed events and is told so (410), instead of skipping them.
create table outbox_purge_horizon (
  id             boolean primary key default true check (id),
  purged_through bigint  not null
);
insert into outbox_purge_horizon (id, purged_through) values (true, 0);
