-- Issue 8 §6: risk regions and thresholds change at run time. Each change is a new version (who,
-- when, why); version 1 is the configuration (checkpoint.risk.*) found at the first start after
-- this migration, written then by the service. Each inspection keeps the version it was judged by.
create table risk_rules (
  version               integer       primary key check (version >= 1),
  regions               jsonb         not null,  -- ["湖北省", "浙江省/温州市"]
  temperature_threshold numeric(3,1)  not null,
  symptoms              jsonb         not null,  -- ["FEVER", "COUGH", ...]
  reason                text,
  changed_by            text          not null,
  changed_at            timestamptz   not null
);

-- null until version 1 exists; inspections recorded before it are then set to 1
alter table inspection add column risk_rules_version integer references risk_rules (version);
