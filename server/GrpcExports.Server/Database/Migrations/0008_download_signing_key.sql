-- The key that signs export download URLs (server/GrpcExports.Server/Exports/Download/DownloadSigningKey.cs). One
-- row, created by whichever instance needs it first, so every instance sharing the database signs and checks the
-- same tokens. Deleting the row invalidates every URL handed out (a new key is made on next use).
CREATE TABLE download_signing_key (
    id         boolean     PRIMARY KEY DEFAULT true CHECK (id),
    secret     bytea       NOT NULL CHECK (length(secret) = 32),
    created_at timestamptz NOT NULL DEFAULT now()
);
