-- Users, their API keys and the audit log (server/GrpcExports.Server/Security/).
--   users:     one row per user id that owns things; created with its first key.
--   api_keys:  secret_hash is the SHA-256 of the whole secret (the secret itself is never stored);
--              secret_prefix its first characters, for people telling keys apart; tier the AccessTier number.
--   audit_log: append-only (a trigger refuses UPDATE, DELETE and TRUNCATE); kind the AuditEventKind number.
CREATE TABLE users (
    user_id    text        PRIMARY KEY,
    created_at timestamptz NOT NULL
);

CREATE TABLE api_keys (
    api_key_id    uuid        PRIMARY KEY,
    user_id       text        NOT NULL REFERENCES users (user_id),
    name          text        NOT NULL,
    tier          integer     NOT NULL CHECK (tier BETWEEN 1 AND 3),
    secret_prefix text        NOT NULL,
    secret_hash   bytea       NOT NULL UNIQUE CHECK (length(secret_hash) = 32),
    created_at    timestamptz NOT NULL,
    last_used_at  timestamptz,
    revoked_at    timestamptz,
    expires_at    timestamptz
);

-- ListApiKeys: newest first, for everyone or one user.
CREATE INDEX api_keys_created ON api_keys (created_at DESC, api_key_id DESC);
CREATE INDEX api_keys_user_created ON api_keys (user_id, created_at DESC, api_key_id DESC);

CREATE TABLE audit_log (
    sequence     bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    created_at   timestamptz NOT NULL,
    kind         integer     NOT NULL,
    user_id      text        NOT NULL,
    api_key_id   text        NOT NULL,
    api_key_name text        NOT NULL,
    user_agent   text        NOT NULL,
    method       text        NOT NULL,
    resource     text        NOT NULL,
    status_code  integer     NOT NULL,
    peer         text        NOT NULL
);

CREATE INDEX audit_log_user ON audit_log (user_id, sequence DESC);

CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_log is append-only';
END;
$$;

CREATE TRIGGER audit_log_no_update_or_delete BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();
