-- The relay's queue, kept apart from the log. Until now the outbox was both: the feed's ordered,
-- retained log and the relay's work list, so every event was written three times (insert, claim
-- lease, publish) into a table of millions of rows, none of the updates HOT (status is in the
-- partial indexes), and a claim's index scan walked entries of rows published long ago (the 30-minute
-- soak of 30 Nov: 3.2 GB, a claim that ran for 3 minutes 20 seconds while 356,940 events waited).
-- Now the log is written once and never updated; the queue holds one narrow row per event not yet
-- acknowledged by Kafka and loses it on acknowledgement, so it stays a few thousand rows that
-- autovacuum keeps clean. "Published" is "no longer queued".

drop index outbox_pending;
drop index outbox_unpublished_by_key;
drop index outbox_published_at;

create table outbox_pending (
  seq             bigint      primary key,
  aggregate_id    text        not null,
  attempts        integer     not null default 0,
  next_attempt_at timestamptz not null default now(),
  last_error      text,
  claimed_by      text,
  claimed_until   timestamptz,
  blocked         boolean     not null default false  -- refused max-attempts times: an operator releases it
) with (
  -- small and churned: vacuum after a few thousand dead rows, whatever the table's size, unthrottled
  autovacuum_vacuum_scale_factor = 0,
  autovacuum_vacuum_threshold = 2000,
  autovacuum_vacuum_insert_scale_factor = 0,
  autovacuum_vacuum_insert_threshold = 2000,
  autovacuum_analyze_scale_factor = 0,
  autovacuum_analyze_threshold = 2000,
  autovacuum_vacuum_cost_delay = 0
);
-- per-aggregate order: the head of an aggregate is its lowest queued seq
create index outbox_pending_by_key on outbox_pending (aggregate_id, seq);

insert into outbox_pending
  (seq, aggregate_id, attempts, next_attempt_at, last_error, claimed_by, claimed_until, blocked)
select seq, aggregate_id, attempts, next_attempt_at, last_error, claimed_by, claimed_until,
       status = 'BLOCKED'
from outbox where status <> 'PUBLISHED';

alter table outbox
  drop column status,
  drop column attempts,
  drop column next_attempt_at,
  drop column last_error,
  drop column published_at,
  drop column claimed_by,
  drop column claimed_until;

-- Whoever appends to the log queues the rows in the same statement: no writer can forget it.
create function outbox_queue_appended() returns trigger language plpgsql as $$
begin
  insert into outbox_pending (seq, aggregate_id) select seq, aggregate_id from appended;
  return null;
end
$$;
create trigger outbox_queue_appended after insert on outbox
  referencing new table as appended
  for each statement execute function outbox_queue_appended();

-- The outbox as operators (and psql) see it: each row of the log with its delivery state.
create view outbox_entry as
select o.seq, o.event_id, o.topic, o.aggregate_type, o.aggregate_id, o.event_type, o.event,
       o.occurred_at, o.correlation_id, o.traceparent,
       case when p.seq is null then 'PUBLISHED' when p.blocked then 'BLOCKED' else 'PENDING' end
         as status,
       p.attempts, p.next_attempt_at, p.last_error, p.claimed_by, p.claimed_until
from outbox o left join outbox_pending p on p.seq = o.seq;
