-- Dated duty statuses in the personnel replica (issue 8 §4): every DutyStatusChanged is kept as an
-- interval [effective_from, until) (until null: until a later change), so changes published out of
-- order or planned ahead each hold for their own interval, as in personnel-service.
create table personnel_duty_interval (
  person_id      uuid        not null,
  effective_from timestamptz not null,
  until          timestamptz,
  status         text        not null,
  primary key (person_id, effective_from),
  check (until is null or until > effective_from)
);

-- The last change applied so far becomes the first interval (it held from status_since on).
insert into personnel_duty_interval (person_id, effective_from, until, status)
select person_id, status_since, null, duty_status
from personnel_replica
where status_since is not null;

-- duty_status shows the status holding now; duty_status_review_at is when it next turns (a planned
-- change begins or a dated one ends), for the roll-forward sweep.
alter table personnel_replica add column duty_status_review_at timestamptz;
create index personnel_replica_duty_review on personnel_replica (duty_status_review_at)
  where duty_status_review_at is not null;
