-- Platform tables, shared by every service (migrations V0.x; a service's own start at V1).

-- The transactional outbox, which is also the service's ordered event log:
-- seq is the feed cursor. Rows are appended under a transaction-level advisory lock, so
-- seq order is commit order and a reader at cursor N never misses a row below N.
create table outbox (
  seq             bigint generated always as identity primary key,
  event_id        uuid        not null unique,
  topic           text        not null,
  aggregate_type  text        not null,
  aggregate_id    text        not null,
  event_type      text        not null,
  event           jsonb       not null,           -- the whole CloudEvent, structured mode
  occurred_at     timestamptz not null,
  correlation_id  text,                           -- also sent as Kafka headers
  traceparent     text,
  status          text        not null default 'PENDING'
                  check (status in ('PENDING', 'PUBLISHED', 'BLOCKED')),
  attempts        integer     not null default 0,
  next_attempt_at timestamptz not null default now(),
  last_error      text,
  published_at    timestamptz
);

-- relay: pending rows in order; the per-key order check looks at unpublished rows of a key
create index outbox_pending on outbox (seq) where status = 'PENDING';
create index outbox_unpublished_by_key on outbox (aggregate_id, seq) where status <> 'PUBLISHED';
-- retention: published rows by age
create index outbox_published_at on outbox (published_at) where status = 'PUBLISHED';

-- Idempotent consumers: one row per (consumer, event id), written in the effect's transaction.
create table processed_event (
  consumer     text        not null,
  event_id     uuid        not null,
  event_type   text        not null,
  processed_at timestamptz not null default now(),
  primary key (consumer, event_id)
);
create index processed_event_age on processed_event (processed_at);
