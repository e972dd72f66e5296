-- Export jobs (server/GrpcExports.Server/Exports/): one row per export, which is also the queue the workers claim
-- from with FOR UPDATE SKIP LOCKED under a lease they renew.
--   status:           queued -> rendering -> succeeded | failed | cancelled; a job whose lease ran out is taken over.
--   options:          the request's grpcexports.v1.ExportOptions message (protobuf bytes), defaults filled in.
--   project_id/version: the project form: the version to render, resolved at creation (editor_state is null);
--   editor_state:     the stateless form: the document itself (project_id is null).
--   progress_*:       throttled checkpoints of the render; watchers on this instance see every change in memory.
--   lease_owner/lease_expires_at: the worker rendering it and until when its claim holds unless renewed.
--   attempts:         renders started; a takeover starts again from the beginning, up to Exports:MaxAttempts.
CREATE TABLE export_jobs (
    export_id              uuid             PRIMARY KEY,
    owner_id               text             NOT NULL,
    status                 text             NOT NULL CHECK (status IN ('queued', 'rendering', 'succeeded', 'failed', 'cancelled')),
    name                   text             NOT NULL,
    project_id             uuid,
    project_version        bigint           NOT NULL DEFAULT 0,
    folder_id              text             NOT NULL DEFAULT '',
    editor_state           json,
    options                bytea            NOT NULL,
    client_task_id         text             NOT NULL DEFAULT '',
    webhook_url            text             NOT NULL DEFAULT '',
    duration_seconds       double precision NOT NULL,
    progress_percent       double precision NOT NULL DEFAULT 0,
    progress_stage         smallint         NOT NULL DEFAULT 0,
    frames_done            bigint           NOT NULL DEFAULT 0,
    frames_total           bigint           NOT NULL DEFAULT 0,
    render_fps             double precision NOT NULL DEFAULT 0,
    eta_milliseconds       bigint,
    progress_updated_at    timestamptz,
    lease_owner            text,
    lease_expires_at       timestamptz,
    attempts               integer          NOT NULL DEFAULT 0,
    output_path            text,
    output_size_bytes      bigint,
    output_sha256          text,
    output_width           integer,
    output_height          integer,
    output_has_audio       boolean,
    skipped_item_ids       text[]           NOT NULL DEFAULT '{}',
    error_reason           text,
    error_message          text,
    created_at             timestamptz      NOT NULL,
    started_at             timestamptz,
    finished_at            timestamptz,
    CHECK ((project_id IS NULL) <> (editor_state IS NULL))
);

-- The queue: what workers look at when they claim (queued in arrival order, or rendering with a lease to check).
CREATE INDEX export_jobs_claimable ON export_jobs (created_at, export_id) WHERE status IN ('queued', 'rendering');

-- The active-export limit counts these; the listing reads newest first.
CREATE INDEX export_jobs_owner_created ON export_jobs (owner_id, created_at DESC, export_id DESC);

-- client_task_id deduplicates a user's exports.
CREATE UNIQUE INDEX export_jobs_client_task ON export_jobs (owner_id, client_task_id) WHERE client_task_id <> '';

-- Every status change and progress checkpoint is announced on the channel export_changes as "<export id> <status>"
-- (delivered at commit), so watchers and workers on every instance sharing this database hear of it. Lease renewals
-- are not announced.
CREATE FUNCTION export_jobs_announce() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('export_changes', NEW.export_id::text || ' ' || NEW.status);
    RETURN NULL;
END;
$$;

CREATE TRIGGER export_jobs_announce_insert AFTER INSERT ON export_jobs
    FOR EACH ROW EXECUTE FUNCTION export_jobs_announce();

CREATE TRIGGER export_jobs_announce_update AFTER UPDATE ON export_jobs
    FOR EACH ROW WHEN (OLD.status IS DISTINCT FROM NEW.status OR OLD.progress_updated_at IS DISTINCT FROM NEW.progress_updated_at)
    EXECUTE FUNCTION export_jobs_announce();
