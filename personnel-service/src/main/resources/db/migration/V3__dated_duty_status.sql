-- Dated duty-status changes (issue 8 §4): a change holds from effective_from until "until"
-- (exclusive; null: until a later change), and may be planned ahead or recorded out of order.
alter table duty_status_change add column until timestamptz;
alter table duty_status_change
  add constraint duty_status_change_interval check (until is null or until > effective_from);

-- person.duty_status shows the status that holds now; duty_status_review_at is when a planned
-- change begins or a dated one ends, so the roll-forward sweep knows whom to look at again.
alter table person add column duty_status_review_at timestamptz;
create index person_duty_status_review on person (duty_status_review_at)
  where duty_status_review_at is not null;
