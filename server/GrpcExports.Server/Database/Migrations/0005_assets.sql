-- Uploaded assets (server/GrpcExports.Server/Assets/). The bytes live in files named by their SHA-256 under the asset
-- directory (Assets:Directory), one file per distinct content; each upload is a row of its own.
--   project_id: the project the asset was uploaded for (UploadAsset header), or null.
--   kind:       the AssetKind enum number, decided by probing.
--   media:      the probed MediaInfo in protobuf JSON form.
CREATE TABLE assets (
    asset_id   uuid        PRIMARY KEY,
    owner_id   text        NOT NULL,
    project_id uuid        REFERENCES projects (project_id),
    file_name  text        NOT NULL,
    media_type text        NOT NULL,
    kind       integer     NOT NULL,
    size_bytes bigint      NOT NULL CHECK (size_bytes > 0),
    sha256     text        NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
    media      jsonb       NOT NULL,
    created_at timestamptz NOT NULL
);

-- ListAssets: the owner's assets newest first, with or without a project filter (the kind filter rides along).
CREATE INDEX assets_owner_created ON assets (owner_id, created_at DESC, asset_id DESC);
CREATE INDEX assets_owner_project_created ON assets (owner_id, project_id, created_at DESC, asset_id DESC)
    WHERE project_id IS NOT NULL;

-- Whether other rows still share a content file (upload deduplication, DeleteAsset).
CREATE INDEX assets_sha256 ON assets (sha256, owner_id);
