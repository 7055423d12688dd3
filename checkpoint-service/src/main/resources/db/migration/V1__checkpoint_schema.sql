-- Checkpoint service schema (platform tables are V0.x).

create table checkpoint (
  id                     uuid primary key,
  code                   text        not null unique,
  name                   text        not null,
  road                   text        not null,
  place                  text,
  latitude               numeric(9,6),
  longitude              numeric(9,6),
  town                   text        not null,
  kind                   text        not null,
  status                 text        not null,
  set_up_on              date,
  activated_at           timestamptz,
  suspended_at           timestamptz,
  closed_at              timestamptz,
  lead_agency            text        not null,
  participating_agencies jsonb       not null default '[]',
  supervising_leader     text,
  created_at             timestamptz not null,
  version                bigint      not null default 0
);
create index checkpoint_status on checkpoint (status);

-- Replica of personnel-service's people, built only from personnel.events.
create table personnel_replica (
  person_id          uuid primary key,
  name               text,
  category           text,
  unit_id            uuid,
  duty_status        text        not null,
  active             boolean     not null,
  person_version     bigint      not null default -1,   -- version of the last PersonRegistered/Updated applied
  status_since       timestamptz,                       -- effectiveFrom of the last DutyStatusChanged applied
  updated_at         timestamptz not null
);

create table shift (
  id             uuid primary key,
  checkpoint_id  uuid        not null references checkpoint (id),
  starts_at      timestamptz not null,
  ends_at        timestamptz not null,
  status         text        not null,
  started_at     timestamptz,
  ended_at       timestamptz,
  created_at     timestamptz not null,
  version        bigint      not null default 0,
  check (ends_at > starts_at)
);
create index shift_checkpoint_start on shift (checkpoint_id, starts_at);

create table shift_member (
  shift_id  uuid not null references shift (id) on delete cascade,
  person_id uuid not null,
  role      text not null check (role in ('LEAD', 'MEMBER')),
  primary key (shift_id, person_id)
);
create index shift_member_person on shift_member (person_id);

create table inspection (
  id               uuid primary key,
  client_record_id uuid        not null,
  checkpoint_id    uuid        not null references checkpoint (id),
  inspected_at     timestamptz not null,
  day              date        not null,          -- inspected_at in Asia/Shanghai
  direction        text        not null,
  plate            text,
  vehicle_kind     text        not null,
  inspector        text        not null,
  recorded_by      text        not null,
  occupant_count   integer     not null,
  flagged_count    integer     not null,
  created_at       timestamptz not null,
  constraint inspection_client_record_id unique (client_record_id)
);
create index inspection_checkpoint_time on inspection (checkpoint_id, inspected_at desc);
create index inspection_time on inspection (inspected_at desc);
create index inspection_plate on inspection (plate);
create index inspection_flagged on inspection (inspected_at desc) where flagged_count > 0;

create table occupant (
  id                  uuid primary key,
  inspection_id       uuid          not null references inspection (id),
  position            integer       not null,
  name                text          not null,
  id_number           text          not null,
  phone               text,
  origin_province     text          not null,
  origin_city         text,
  stayed_in_risk_area boolean       not null,
  temperature         numeric(3,1)  not null,
  symptoms            jsonb         not null default '[]',
  destination_town    text          not null,
  destination_address text          not null,
  result              text          not null,
  flagged             boolean       not null,
  flag_reasons        jsonb         not null default '[]',
  unique (inspection_id, position)
);
create index occupant_inspection on occupant (inspection_id);
create index occupant_id_number on occupant (id_number);

-- Kept up to date in the transaction of each inspection insert (never recomputed per request).
create table daily_statistics (
  checkpoint_id      uuid    not null references checkpoint (id),
  day                date    not null,
  inspections        bigint  not null default 0,
  vehicles           bigint  not null default 0,
  persons            bigint  not null default 0,
  flagged            bigint  not null default 0,
  cleared            bigint  not null default 0,
  referred_to_health bigint  not null default 0,
  home_quarantine    bigint  not null default 0,
  turned_back        bigint  not null default 0,
  primary key (checkpoint_id, day)
);
create index daily_statistics_day on daily_statistics (day);

create table supervisory_visit (
  id            uuid primary key,
  checkpoint_id uuid        not null references checkpoint (id),
  visitor       text        not null,
  visited_at    timestamptz not null,
  findings      text        not null,
  instructions  text,
  recorded_by   text        not null,
  created_at    timestamptz not null
);
create index supervisory_visit_checkpoint on supervisory_visit (checkpoint_id, visited_at desc);
