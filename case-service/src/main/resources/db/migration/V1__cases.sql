-- Cases (案件). Platform tables are V0.x; V3/V4 belong to household verification.

-- One row per year: the last case number given out that year. Creating a case increments it in
-- its own transaction (insert ... on conflict do update), so concurrent creations queue on the
-- row and never get the same number; a rolled-back creation gives its number back.
create table case_number_counter (
  year       integer primary key,
  last_value integer not null check (last_value between 1 and 999999)
);

create table case_file (
  id                 uuid primary key,
  number             text        not null unique,          -- JY-2020-000123
  kind               text        not null,
  source             text        not null,
  status             text        not null,
  summary            text        not null,
  reported_at        timestamptz not null,
  town_code          text,                                 -- gazetteer code; null only for a verification finding without one
  town_name          text,
  address            text,
  lead_unit_id       uuid,                                 -- null only for a verification finding of an unroutable task
  partner_agencies   jsonb       not null default '[]',
  officers           jsonb       not null default '[]',    -- [{personId, name, assignedAt, assignedBy}]
  parties            jsonb       not null default '[]',    -- [{name, idNumber, phone, role}] personal data
  seizures           jsonb       not null default '[]',    -- [{item, quantity, unit, custodyStatus, recordedAt, recordedBy}]
  actions            jsonb       not null default '[]',    -- the timeline [{at, author, kind, text}]
  confirmed_infections        integer not null default 0 check (confirmed_infections >= 0),
  under_medical_observation   integer not null default 0 check (under_medical_observation >= 0),
  compounds_sealed            integer not null default 0 check (compounds_sealed >= 0),
  buildings_sealed            integer not null default 0 check (buildings_sealed >= 0),
  legal_basis        text,
  linked_task_id     uuid unique,                          -- the verification task that opened it
  reported_by        text        not null,
  created_at         timestamptz not null,
  closed_at          timestamptz,
  version            bigint      not null default 0
);
create index case_file_reported_at on case_file (reported_at desc, number);
create index case_file_status on case_file (status);
create index case_file_lead_unit on case_file (lead_unit_id);
create index case_file_officers on case_file using gin (officers jsonb_path_ops);
