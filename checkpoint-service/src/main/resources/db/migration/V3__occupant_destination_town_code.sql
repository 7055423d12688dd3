-- The destination town resolved against the gazetteer (contracts/gazetteer/jingyang.json) when the
-- inspection is recorded. The written text stays in destination_town; an unknown name is kept and
-- marked UNRESOLVED, never rejected. Rows recorded before this migration have both columns null.
alter table occupant add column destination_town_code text;
alter table occupant add column destination_town_resolution text;
create index occupant_destination_town_code on occupant (destination_town_code);
