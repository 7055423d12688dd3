-- Issue 8 §6: the replica learns of open fatigue alerts (FatigueAlertRaised/Cleared from
-- personnel.events); COMMAND may still schedule such a person (or one RESTING) with a reason,
-- recorded on the shift member.
alter table personnel_replica add column fatigue_alert_id uuid;              -- the open alert, null when none
alter table personnel_replica add column fatigue_alert_days integer;         -- consecutive duty days when it was raised
alter table personnel_replica add column fatigue_alert_raised_at timestamptz;

alter table shift_member add column override_reason text;                    -- why COMMAND scheduled a person who should rest
alter table shift_member add column overridden_by text;                      -- who did
alter table shift_member add column override_cause text;                     -- FATIGUE_ALERT or RESTING
