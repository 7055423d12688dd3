-- Systems that get tokens from POST /oauth/token (client credentials) and people who log in at
-- POST /auth/login. Secrets and passwords are stored only as PBKDF2-HMAC-SHA256 hashes
-- (pbkdf2-sha256$ITERATIONS$SALT$HASH). Roles are comma-separated role names.
create table api_client (
  client_id         text primary key,
  secret_hash       text not null,
  roles             text not null,
  unit_id           uuid,
  disabled          boolean not null default false,
  created_at        timestamptz not null,
  secret_changed_at timestamptz not null
);

create table account (
  username      text primary key,
  password_hash text not null,
  roles         text not null,
  unit_id       uuid,
  disabled      boolean not null default false,
  created_at    timestamptz not null
);
