-- Personal data sealed at rest (platform pii.Resealer): per sealed column (or other sealed data) of
-- this service, the key every row was last found sealed with. At startup the resealer converts a
-- column whose recorded key is not the active one: clear rows written before sealing existed, and
-- rows sealed with a key rotated out. A column recorded with the active key is not scanned again.
create table sealed_data (
  name         text        primary key,
  key_id       text        not null,
  rows_sealed  bigint      not null,
  completed_at timestamptz not null
);
