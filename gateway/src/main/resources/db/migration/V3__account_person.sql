-- A person's account may name the person it belongs to (their id in personnel-service). Their
-- tokens then carry that id as `sub` (the username stays in `upn`), which is what the services'
-- object scopes read: a checkpoint officer's shifts, an investigator's assigned cases.
alter table account add column person_id uuid;
create unique index account_person on account (person_id) where person_id is not null;
