-- The daily situation report counts the cases closed on a day (case-service's situation section):
-- an index on closed_at keeps that a range scan over the day's closures, not a scan of every case.
create index case_file_closed_at on case_file (closed_at) where closed_at is not null;
