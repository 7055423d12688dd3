-- Shifts can be cancelled before they start (status CANCELLED); a cancelled shift keeps its members
-- for the record but no longer counts for overlap checks.

alter table shift add column cancelled_at        timestamptz;
alter table shift add column cancellation_reason text;

alter table shift add constraint shift_status_known
  check (status in ('SCHEDULED', 'UNDERSTAFFED', 'STARTED', 'ENDED', 'CANCELLED'));
alter table shift add constraint shift_cancellation_complete
  check ((status = 'CANCELLED') = (cancelled_at is not null and cancellation_reason is not null));
