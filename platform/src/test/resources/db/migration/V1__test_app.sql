create table test_note (
  id   uuid primary key,
  text text not null
);

create table test_effect (
  id             bigint generated always as identity primary key,
  event_id       uuid not null,
  correlation_id text
);
