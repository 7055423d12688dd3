-- issue 10: the unit of this bureau that runs a checkpoint (a personnel-service unit id). A
-- CHECKPOINT_OFFICER records inspections at a checkpoint their token's unit runs, or where they are
-- on that day's shift. Checkpoints planned before have none until COMMAND names it (PUT).
alter table checkpoint add column unit_id uuid;
create index checkpoint_unit on checkpoint (unit_id);
