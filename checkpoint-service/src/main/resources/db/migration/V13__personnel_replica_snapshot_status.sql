-- What the last person snapshot said of the duty status — the status, since when and until when
-- (PersonSnapshot.dutyStatusUntil) — kept apart from duty_status, which shows the status holding now.
-- The time line falls back on it only while no DutyStatusChanged of the person is known; with the
-- until, a snapshot that overtakes its dated change (they travel on different topics) no longer
-- stands for "for good" and takes the person off shifts only up to when the status ends.
alter table personnel_replica
  add column snapshot_duty_status text,
  add column snapshot_status_since timestamptz,
  add column snapshot_status_until timestamptz;

update personnel_replica set snapshot_duty_status = duty_status, snapshot_status_since = status_since;
