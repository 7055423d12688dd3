-- Replica of personnel-service's people, built only from personnel.events (consumer
-- case-personnel-replica): who may be assigned to a case.
create table person_replica (
  person_id              uuid primary key,
  name                   text,
  category               text,
  unit_id                uuid,
  duty_status            text        not null,
  previous_duty_status   text,                               -- in force until status_since, if that lies ahead
  active                 boolean     not null,
  person_version         bigint      not null default -1,    -- version of the last PersonRegistered/Updated applied
  status_since           timestamptz,                        -- effectiveFrom of the last DutyStatusChanged applied
  updated_at             timestamptz not null
);
