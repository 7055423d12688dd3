-- Dated duty statuses in the person replica (issue 8 §4): every DutyStatusChanged is kept as an
-- interval [effective_from, until) (until null: until a later change), keyed by person and
-- effective_from, so changes published out of order or planned ahead each hold for their own
-- interval and a redelivered change lands on its own row. The status at a time is read from them
-- (platform's DatedChanges); person_replica.duty_status stays the last snapshot's status, used only
-- while no change is known.
create table person_duty_interval (
  person_id      uuid        not null,
  effective_from timestamptz not null,
  until          timestamptz,
  status         text        not null,
  primary key (person_id, effective_from),
  check (until is null or until > effective_from)
);

-- The last change applied so far becomes the first interval (it held from status_since on).
insert into person_duty_interval (person_id, effective_from, until, status)
select person_id, status_since, null, duty_status
from person_replica
where status_since is not null;

alter table person_replica drop column previous_duty_status;
alter table person_replica drop column status_since;
