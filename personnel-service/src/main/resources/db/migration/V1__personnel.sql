-- Personnel: units, people, duty status, deployments, party organisation, duty days and fatigue.

create table unit (
  id         uuid        primary key,
  code       text        not null unique,
  name       text        not null,
  kind       text        not null check (kind in ('BUREAU', 'BRIGADE', 'POLICE_STATION', 'EXTERNAL_DEPARTMENT')),
  parent_id  uuid        references unit (id),
  towns      text[]      not null default '{}',
  version    bigint      not null default 0,
  created_at timestamptz not null default now()
);
create index unit_parent on unit (parent_id);

create table person (
  id                   uuid        primary key,
  category             text        not null check (category in ('POLICE_OFFICER', 'AUXILIARY_POLICE', 'STAFF', 'VOLUNTEER', 'EXTERNAL')),
  badge_number         text,
  name                 text        not null,
  unit_id              uuid        not null references unit (id),
  position             text,
  phone                text,
  qualifications       text[]      not null default '{}',
  duty_status          text        not null,
  duty_status_since    timestamptz not null,
  party_status         text        not null default 'NONE',
  party_status_since   date,
  active               boolean     not null default true,
  deactivated_at       timestamptz,
  deactivation_reason  text,
  version              bigint      not null default 0,
  created_at           timestamptz not null default now()
);
create unique index person_badge_number on person (badge_number) where badge_number is not null;
create index person_unit on person (unit_id);
create index person_name on person (lower(name));

create table duty_status_change (
  id              uuid        primary key,
  person_id       uuid        not null references person (id),
  previous_status text        not null,
  status          text        not null,
  reason          text        not null,
  effective_from  timestamptz not null,
  changed_by      text,
  recorded_at     timestamptz not null default now()
);
create index duty_status_change_person on duty_status_change (person_id, effective_from);

create table deployment (
  id           uuid        primary key,
  from_unit_id uuid        not null references unit (id),
  to_unit_id   uuid        not null references unit (id),
  task         text        not null,
  starts_on    date        not null,
  ends_on      date,
  headcount    integer     not null,
  ended_on     date,
  end_note     text,
  version      bigint      not null default 0,
  created_at   timestamptz not null default now()
);
create index deployment_from on deployment (from_unit_id);
create index deployment_to on deployment (to_unit_id);

create table deployment_member (
  deployment_id uuid not null references deployment (id),
  person_id     uuid not null references person (id),
  primary key (deployment_id, person_id)
);
create index deployment_member_person on deployment_member (person_id);

create table party_branch (
  id                uuid        primary key,
  name              text        not null,
  kind              text        not null check (kind in ('REGULAR', 'TEMPORARY')),
  unit_id           uuid        references unit (id),
  checkpoint_id     uuid,
  secretary_id      uuid        references person (id),
  flag_presented_on date,
  established_on    date        not null,
  dissolved_at      timestamptz,
  dissolution_reason text,
  version           bigint      not null default 0,
  check (kind = 'REGULAR' or checkpoint_id is not null)
);
create index party_branch_checkpoint on party_branch (checkpoint_id);

create table party_membership (
  branch_id uuid    not null references party_branch (id),
  person_id uuid    not null references person (id),
  vanguard  boolean not null default false,
  joined_on date    not null,
  primary key (branch_id, person_id)
);
create index party_membership_person on party_membership (person_id);

create table party_application (
  id            uuid        primary key,
  person_id     uuid        not null references person (id),
  submitted_on  date        not null,
  branch_id     uuid        references party_branch (id),
  recorded_at   timestamptz not null default now()
);
create index party_application_submitted on party_application (submitted_on);

-- Duty intervals: one per (person, source); a shift's ShiftEnded replaces its ShiftStarted interval.
create table duty_interval (
  id        uuid        primary key,
  person_id uuid        not null references person (id),
  source    text        not null,
  start_at  timestamptz not null,
  end_at    timestamptz not null,
  final     boolean     not null default false,
  check (end_at > start_at),
  unique (person_id, source)
);

-- Calendar days (Asia/Shanghai) with duty, derived from the intervals; explicit rest days.
create table duty_day (
  person_id uuid not null references person (id),
  day       date not null,
  primary key (person_id, day)
);

create table rest_day (
  person_id uuid not null references person (id),
  day       date not null,
  reason    text,
  primary key (person_id, day)
);

-- The current consecutive-duty streak per person, kept for the "at or near the threshold" list.
create table duty_streak (
  person_id  uuid        primary key references person (id),
  days       integer     not null,
  started_on date,
  as_of      date        not null,
  updated_at timestamptz not null default now()
);
create index duty_streak_days on duty_streak (days);

create table fatigue_alert (
  id               uuid        primary key,
  person_id        uuid        not null references person (id),
  streak_started_on date       not null,
  days_at_raise    integer     not null,
  raised_at        timestamptz not null,
  cleared_at       timestamptz,
  cleared_by_rest_on date
);
-- at most one open alert per person: a streak raises its alert once
create unique index fatigue_alert_open on fatigue_alert (person_id) where cleared_at is null;
