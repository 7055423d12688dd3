-- issue 8 §5: the visiting leader is a personnel id checked against the person replica; people from
-- other agencies are kept by display name and agency. Rows recorded before keep their free text as
-- the display name (leader_id and leader_agency stay null: not known then).
alter table supervisory_visit rename column visitor to leader_name;
alter table supervisory_visit add column leader_id uuid;
alter table supervisory_visit add column leader_agency text;
create index supervisory_visit_time on supervisory_visit (visited_at);
