-- Provincial bulk import: one row per batch (the client's batch id), its progress and result.
-- Chunks of the list are committed one by one; each chunk's transaction also advances lines_done,
-- so an import interrupted half way (service killed) resumes after the last committed chunk, and
-- the chunk SQL itself is idempotent by the unique keys of verification_task (one open task per
-- ID number) and verification_task_source (PROVINCIAL_LIST:<batchId>:<idNumber>).
create table provincial_import (
  batch_id        text primary key,
  format          text not null check (format in ('NDJSON', 'CSV')),
  status          text not null check (status in ('RUNNING', 'COMPLETED', 'FAILED')),
  rows_read       bigint not null default 0,
  tasks_created   bigint not null default 0,
  sources_added   bigint not null default 0,
  duplicates      bigint not null default 0,  -- the same person again within the batch
  unroutable      bigint not null default 0,  -- new tasks that went to the district queue
  bad_rows        bigint not null default 0,
  lines_done      bigint not null default 0,  -- last line of the last committed chunk
  error           text,
  started_at      timestamptz not null default now(),
  started_by      text not null,
  heartbeat_at    timestamptz not null default now(),
  finished_at     timestamptz
);

-- Rows refused by validation, with the line number in the body (1 = first line) and why.
create table provincial_import_bad_row (
  batch_id text   not null references provincial_import (batch_id),
  line     bigint not null,
  reason   text   not null,
  primary key (batch_id, line)
);
