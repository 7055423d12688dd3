-- the problem+json races of the test app (issue 7, section 4)
create table test_unit (
  id uuid primary key
);

create table test_badge (
  id           uuid primary key,
  badge_number text not null,
  holder       text check (length(holder) <= 40),
  unit_id      uuid references test_unit (id),
  version      bigint not null default 0,
  constraint test_badge_badge_number_key unique (badge_number)
);

create table test_lock (
  id    int primary key,
  value int not null
);

insert into test_lock (id, value) values (1, 0), (2, 0);
