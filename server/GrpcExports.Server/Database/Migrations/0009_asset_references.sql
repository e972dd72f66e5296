-- Which uploaded assets project versions and exports reference (server/GrpcExports.Server/Assets/InUse/), so that
-- DeleteAsset asks an index instead of searching event text.
--   project_asset_references: one row per (asset, project) whose saved states named the asset as a document's
--     assets[*].remoteKey; latest_version is the newest version whose state did. Written in the transaction that saves
--     the version (create, clone, sync, revert). Rows stay when a later version drops the asset: history keeps it.
--   export_asset_references: the uploaded assets an export reads, written in the transaction that creates it; they
--     count while the export is queued or rendering.
-- asset_id has no foreign key: a document may name an asset that does not exist (CheckProjectAssets reports it).
CREATE TABLE project_asset_references (
    asset_id       uuid   NOT NULL,
    project_id     uuid   NOT NULL REFERENCES projects (project_id),
    latest_version bigint NOT NULL,
    PRIMARY KEY (asset_id, project_id)
);

CREATE TABLE export_asset_references (
    asset_id  uuid NOT NULL,
    export_id uuid NOT NULL REFERENCES export_jobs (export_id) ON DELETE CASCADE,
    PRIMARY KEY (asset_id, export_id)
);

-- Existing projects: the search DeleteAsset used to make, once. An event whose data holds the asset's id introduced
-- or kept the reference.
INSERT INTO project_asset_references (asset_id, project_id, latest_version)
SELECT a.asset_id, e.stream_id, max(e.version)
FROM events e
JOIN projects p ON p.project_id = e.stream_id
JOIN assets a ON a.owner_id = p.owner_id AND strpos(e.data::text, a.asset_id::text) > 0
GROUP BY a.asset_id, e.stream_id;
