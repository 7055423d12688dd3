-- The audit trail of personal data read in clear (GB/T 35273: log access to sensitive personal
-- information): one row per request that disclosed a full ID number or phone, or searched by one.
-- Append-only: the trigger below refuses UPDATE, DELETE and TRUNCATE. Each row is chained to the
-- previous one: hash = SHA-256(previous_hash, the row's canonical content), computed by the
-- platform's audit.AuditChain under a transaction-level advisory lock, so the chain is linear and a
-- changed, removed or inserted row is detected by GET /audit-trail/verification.
create table audit_trail (
  id            bigserial   primary key,
  recorded_at   timestamptz not null,
  actor         text        not null,
  roles         text[]      not null,
  unit          text,
  subject       text        not null,
  fields        text[]      not null,
  purpose       text,
  request_id    text,
  previous_hash text        not null,
  hash          text        not null
);
create index audit_trail_actor on audit_trail (actor, id);
create index audit_trail_recorded_at on audit_trail (recorded_at);

create function audit_trail_refuse_change() returns trigger language plpgsql as $$
begin
  raise exception 'audit_trail is append-only: % refused', tg_op
    using errcode = 'insufficient_privilege',
          hint = 'rows of the audit trail are never changed or removed';
end
$$;

create trigger audit_trail_append_only
  before update or delete on audit_trail
  for each row execute function audit_trail_refuse_change();

create trigger audit_trail_no_truncate
  before truncate on audit_trail
  for each statement execute function audit_trail_refuse_change();
