-- issue 8 §5: the inspecting officer and a checkpoint's supervising leader are personnel ids checked
-- against the person replica; people of other agencies are kept by display name and agency. The
-- existing columns inspector and supervising_leader stay, as the display name.
alter table inspection add column inspector_id uuid;
alter table inspection add column inspector_agency text;
alter table checkpoint add column supervising_leader_id uuid;
alter table checkpoint add column supervising_leader_agency text;

-- Rows recorded before: free text. Where the text is exactly the name of one person the replica
-- knows (one person of that name, no one else), it becomes that person's id; all other rows keep
-- their text as the display name only (id and agency unknown, null).
with unique_name as (
  select name, min(person_id::text)::uuid as person_id from personnel_replica
  where name is not null group by name having count(*) = 1)
update inspection i set inspector_id = u.person_id
from unique_name u where u.name = btrim(i.inspector);

with unique_name as (
  select name, min(person_id::text)::uuid as person_id from personnel_replica
  where name is not null group by name having count(*) = 1)
update checkpoint c set supervising_leader_id = u.person_id
from unique_name u where u.name = btrim(c.supervising_leader);

create index inspection_inspector on inspection (inspector_id) where inspector_id is not null;
