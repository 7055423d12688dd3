-- Issue 8 §6: one deployment of a brigade to several targets (stations or other units, and
-- checkpoints), with the headcount split into police officers and auxiliaries (the seed: 51 + 10).
-- Earlier deployments had one target, to_unit_id: it becomes their only target. to_unit_id stays
-- (the first unit target, null when a deployment goes to checkpoints only) for old readers.
alter table deployment alter column to_unit_id drop not null;
alter table deployment add column police_count integer check (police_count >= 0);
alter table deployment add column auxiliary_count integer check (auxiliary_count >= 0);

create table deployment_target (
  deployment_id uuid    not null references deployment (id),
  position      integer not null,
  kind          text    not null check (kind in ('UNIT', 'CHECKPOINT')),
  target_id     uuid    not null,
  primary key (deployment_id, position),
  unique (deployment_id, kind, target_id)
);
create index deployment_target_target on deployment_target (target_id);

insert into deployment_target (deployment_id, position, kind, target_id)
select id, 0, 'UNIT', to_unit_id from deployment where to_unit_id is not null;
