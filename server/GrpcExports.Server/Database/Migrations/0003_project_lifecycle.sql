-- The rest of ProjectService (server/GrpcExports.Server/Projects/): folder listing and idempotent writes.

-- ListProjects filtered by folder walks this index in listing order instead of the owner's whole list.
CREATE INDEX projects_owner_folder_updated ON projects (owner_id, folder_id, updated_at DESC, project_id DESC)
    WHERE deleted_at IS NULL;

-- The first completed response of every write sent with an `idempotency-key` (Projects/Idempotency/).
--   The row is inserted in the same transaction as the write's events, so a write and its key commit together or
--   not at all. While the first request runs, it holds a transaction-scoped advisory lock on the key.
--   request_sha256: SHA-256 of the RPC name and the request message, to refuse the key for a different request.
--   response:       the serialized response message, replayed as it is.
CREATE TABLE idempotency_keys (
    owner_id        text        NOT NULL,
    idempotency_key text        NOT NULL,
    rpc             text        NOT NULL,
    request_sha256  bytea       NOT NULL,
    response        bytea       NOT NULL,
    created_at      timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (owner_id, idempotency_key)
);
