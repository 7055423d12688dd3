-- Replica of personnel-service's unit tree and town coverage (personnel.events: UnitRegistered,
-- UnitCoverageChanged), consumer "case-station-routing": which police station a town's household
-- verification goes to, and the unit above a station (escalation).
create table routing_unit (
  unit_id    uuid primary key,
  code       text not null,
  name       text not null,
  kind       text,          -- null while only a UnitCoverageChanged has named the unit
  parent_id  uuid,
  updated_at timestamptz not null default now()
);

-- One row per town (gazetteer code, e.g. 510603-T10) that a station covers: its primary station.
create table routing_town (
  town_code       text primary key,
  town_name       text not null,
  station_unit_id uuid not null references routing_unit (unit_id)
);

create index routing_town_station on routing_town (station_unit_id);
