-- The project projection (server/GrpcExports.Server/Projects/Storage/): what reads use, written in the same
-- transaction as the project's events, so it always agrees with the stream. Reads of the latest state never replay
-- history; past versions are rebuilt from the nearest full state at or below them plus the patches after it.

-- One row per project: the current metadata and editor state.
--   version:         the stream version of the project's last event.
--   state_version:   the version of the event that last replaced the editor state.
--   editor_state:    the current document's JSON exactly as stored (json keeps the text byte for byte).
--   snapshot_version: the latest version whose event holds the full editor state (creation or a snapshot sync).
--   deleted_at:      set when soft-deleted; such a project answers NOT_FOUND.
CREATE TABLE projects (
    project_id              uuid        PRIMARY KEY REFERENCES event_streams (stream_id),
    owner_id                text        NOT NULL,
    title                   text        NOT NULL,
    description             text        NOT NULL,
    folder_id               text        NOT NULL,
    version                 bigint      NOT NULL CHECK (version >= 1),
    state_version           bigint      NOT NULL CHECK (state_version >= 1 AND state_version <= version),
    editor_state            json        NOT NULL,
    editor_state_size_bytes bigint      NOT NULL,
    snapshot_version        bigint      NOT NULL CHECK (snapshot_version >= 1 AND snapshot_version <= state_version),
    created_at              timestamptz NOT NULL,
    updated_at              timestamptz NOT NULL,
    state_updated_at        timestamptz NOT NULL,
    deleted_at              timestamptz,
    cloned_from_project_id  uuid,
    cloned_from_version     bigint
);

-- The listing order (ListProjects): the owner's live projects, most recently edited first.
CREATE INDEX projects_owner_updated ON projects (owner_id, updated_at DESC, project_id DESC) WHERE deleted_at IS NULL;

-- Every version whose event holds a full editor state, so a past version finds its starting point by index.
CREATE TABLE project_snapshots (
    project_id uuid   NOT NULL REFERENCES projects (project_id),
    version    bigint NOT NULL,
    PRIMARY KEY (project_id, version)
);
