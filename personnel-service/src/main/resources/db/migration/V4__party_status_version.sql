-- The party file (GET/PUT /people/{id}/party-status) has its own version for If-Match: a change of a
-- person's details or duty status does not make a party-status write stale, and the reverse.
alter table person add column party_status_version bigint not null default 0;
