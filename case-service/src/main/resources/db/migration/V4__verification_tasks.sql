-- Household verification (入户核查) of key persons. One task per person while it is open: every
-- further source (a second checkpoint flag, a provincial list, a manual request) is a row of
-- verification_task_source. Friendly to set-based inserts (COPY into a staging table, then
-- INSERT ... SELECT): ids, versions and times have defaults, and both uniqueness rules are
-- indexes the insert can use with ON CONFLICT.
create table verification_task (
  id                   uuid primary key default gen_random_uuid(),
  id_number            text not null,     -- national ID number, normalised (trimmed, upper-case X)
  person_name          text not null,
  phone                text,
  address              text,
  town                 text,              -- as written by the source
  town_code            text,              -- gazetteer code; null when the town did not resolve
  station_unit_id      uuid,              -- null: the district queue (unroutable)
  status               text not null default 'PENDING'
    check (status in ('PENDING', 'ASSIGNED', 'VISITED', 'UNREACHABLE', 'COMPLETED')),
  first_source         text not null
    check (first_source in ('CHECKPOINT_FLAG', 'PROVINCIAL_LIST', 'MANUAL')),
  due_at               timestamptz not null,
  assignee             text,
  outcome              text
    check (outcome in ('NO_RISK', 'HOME_QUARANTINE', 'REFERRED_TO_HEALTH', 'NOT_FOUND', 'CONCEALED_EXPOSURE')),
  outcome_note         text,
  unreachable_reason   text,
  escalated_to_unit_id uuid,
  escalation_reason    text,
  created_at           timestamptz not null default now(),
  created_by           text not null,
  assigned_at          timestamptz,
  visited_at           timestamptz,
  unreachable_since    timestamptz,
  escalated_at         timestamptz,
  completed_at         timestamptz,
  completed_by         text,
  version              bigint not null default 0,
  check ((status = 'COMPLETED') = (outcome is not null))
);

-- The same person (by ID number) has at most one open task: a second flag adds a source to it.
create unique index verification_task_open_person
  on verification_task (id_number) where status <> 'COMPLETED';
create index verification_task_station on verification_task (station_unit_id, status);
create index verification_task_escalated on verification_task (escalated_to_unit_id)
  where escalated_to_unit_id is not null;
create index verification_task_open_town on verification_task (town_code)
  where status <> 'COMPLETED';
create index verification_task_open_due on verification_task (due_at)
  where status <> 'COMPLETED';

-- Why a task exists: each flag, list entry or manual request that named the person.
-- source_key is unique: CHECKPOINT_FLAG:<occupantId>, PROVINCIAL_LIST:<batchId>:<idNumber>,
-- MANUAL:<request id>; a redelivered source adds nothing.
create table verification_task_source (
  id            uuid primary key default gen_random_uuid(),
  task_id       uuid not null references verification_task (id),
  kind          text not null check (kind in ('CHECKPOINT_FLAG', 'PROVINCIAL_LIST', 'MANUAL')),
  source_key    text not null unique,
  inspection_id uuid,
  occupant_id   uuid,
  batch_id      text,
  detail        text,
  added_at      timestamptz not null default now(),
  added_by      text not null
);

create index verification_task_source_task on verification_task_source (task_id);
create index verification_task_source_batch on verification_task_source (batch_id, task_id)
  where batch_id is not null;
