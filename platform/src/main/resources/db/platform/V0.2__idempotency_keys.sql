-- Idempotent POSTs: the first response to a request carrying an Idempotency-Key, stored in the
-- same transaction as the change it reports. A key belongs to one caller (the token's subject);
-- request_hash covers method, path, query and the body as the service read it.
-- A row is inserted when the request starts and completed before its transaction commits, so a
-- committed row always holds a response; a concurrent duplicate waits on the primary key.
create table idempotency_key (
  caller          text        not null,
  idempotency_key text        not null,
  request_hash    text        not null,
  status          integer,
  content_type    text,
  location        text,
  etag            text,
  body            text,
  created_at      timestamptz not null default now(),
  primary key (caller, idempotency_key)
);
-- retention: keys by age
create index idempotency_key_created_at on idempotency_key (created_at);
