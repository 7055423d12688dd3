-- Issue 8 §1: a police station covers towns by gazetteer code (contracts/gazetteer/jingyang.json).
-- Each town has exactly one primary station: every town a station covers is its primary charge, and
-- the unique index is the final guard when two stations claim one town at the same moment.
create table station_town (
  unit_id   uuid not null references unit (id),
  town_code text not null,
  town_name text not null,
  primary key (unit_id, town_code)
);
create unique index station_town_primary on station_town (town_code);

-- The free-text towns written before: SQL cannot resolve names through the gazetteer, so the service
-- does it at start (unit.LegacyCoverage) and keeps here only the names it could not place.
alter table unit rename column towns to legacy_towns;
