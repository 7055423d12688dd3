-- Every operating window of a checkpoint (ACTIVE / SUSPENDED / CLOSED, from .. to) and every lead
-- agency (from .. to). Inspections are checked against these windows: re-activation used to clear
-- suspended_at, so a record made during an earlier suspension was accepted when uploaded later.
create sequence checkpoint_history_seq;

create table checkpoint_history (
  id            bigint      primary key default nextval('checkpoint_history_seq'),
  checkpoint_id uuid        not null references checkpoint (id),
  kind          text        not null check (kind in ('STATUS', 'LEAD_AGENCY')),
  status        text        check (status in ('ACTIVE', 'SUSPENDED', 'CLOSED')),
  lead_agency   text,
  valid_from    timestamptz not null,
  valid_to      timestamptz,
  reason        text,
  changed_by    text,
  recorded_at   timestamptz not null,
  constraint checkpoint_history_status_entry check ((kind = 'STATUS') = (status is not null)),
  constraint checkpoint_history_lead_entry check ((kind = 'LEAD_AGENCY') = (lead_agency is not null))
);
create index checkpoint_history_windows on checkpoint_history (checkpoint_id, valid_from, id);

-- What the checkpoint rows still know (an earlier suspension that was followed by a re-activation
-- is lost for checkpoints that existed before this migration).
insert into checkpoint_history (checkpoint_id, kind, lead_agency, valid_from, recorded_at)
select id, 'LEAD_AGENCY', lead_agency,
       coalesce(set_up_on::timestamp at time zone 'Asia/Shanghai', created_at), now()
  from checkpoint;

insert into checkpoint_history (checkpoint_id, kind, status, valid_from, valid_to, recorded_at)
select id, 'STATUS', 'ACTIVE', activated_at, coalesce(suspended_at, closed_at), now()
  from checkpoint where activated_at is not null;

insert into checkpoint_history (checkpoint_id, kind, status, valid_from, valid_to, recorded_at)
select id, 'STATUS', 'SUSPENDED', suspended_at, closed_at, now()
  from checkpoint where suspended_at is not null;

insert into checkpoint_history (checkpoint_id, kind, status, valid_from, recorded_at)
select id, 'STATUS', 'CLOSED', closed_at, now()
  from checkpoint where closed_at is not null;
