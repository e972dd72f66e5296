-- Webhooks, DeleteExport and output retention (server/GrpcExports.Server/Exports/Webhooks/, Exports/Retention/).

-- deleted_at:        DeleteExport ran; the export answers NOT_FOUND everywhere, its file is gone and a stateless
--                    export's document is dropped (so the source check below only binds live rows).
-- output_expired_at: the retention sweep removed the succeeded export's file.
ALTER TABLE export_jobs ADD COLUMN deleted_at timestamptz, ADD COLUMN output_expired_at timestamptz;
ALTER TABLE export_jobs DROP CONSTRAINT export_jobs_check;
ALTER TABLE export_jobs ADD CONSTRAINT export_jobs_source CHECK (deleted_at IS NOT NULL OR (project_id IS NULL) <> (editor_state IS NULL));

-- What the retention sweep looks at: succeeded exports whose file is still kept, oldest first.
CREATE INDEX export_jobs_kept_outputs ON export_jobs (finished_at) WHERE status = 'succeeded' AND output_expired_at IS NULL AND deleted_at IS NULL;

-- One signing secret per user (AccountService.RotateWebhookSecret), created on first need. HMAC needs the secret
-- itself, so it is stored as issued.
CREATE TABLE webhook_secrets (
    owner_id    text        PRIMARY KEY,
    secret      text        NOT NULL,
    created_at  timestamptz NOT NULL
);

-- The outbox: one event per terminal status of an export with a webhook URL, written by the trigger below in the
-- transaction that sets that status. Senders on every instance claim due events with FOR UPDATE SKIP LOCKED; a claim
-- moves next_attempt_at past the attempt's timeout and names the claim, so no other sender takes the event meanwhile
-- and only the claimant can record the attempt.
--   body:  the WebhookEvent JSON, fixed at the first attempt so every retry sends the same bytes.
--   state: pending until a 2xx answer (delivered) or the last allowed attempt fails (abandoned).
CREATE TABLE webhook_events (
    event_id         uuid        PRIMARY KEY,
    export_id        uuid        NOT NULL,
    owner_id         text        NOT NULL,
    event_type       text        NOT NULL CHECK (event_type IN ('succeeded', 'failed', 'cancelled')),
    url              text        NOT NULL,
    created_at       timestamptz NOT NULL,
    state            text        NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'delivered', 'abandoned')),
    attempts         integer     NOT NULL DEFAULT 0,
    next_attempt_at  timestamptz NOT NULL,
    claim_id         uuid,
    body             bytea
);

CREATE INDEX webhook_events_due ON webhook_events (next_attempt_at) WHERE state = 'pending';
CREATE INDEX webhook_events_export ON webhook_events (export_id);

-- The delivery log (ListWebhookDeliveries): one row per attempt, with the event's state after it.
CREATE TABLE webhook_deliveries (
    event_id         uuid        NOT NULL REFERENCES webhook_events ON DELETE CASCADE,
    attempt          integer     NOT NULL,
    attempted_at     timestamptz NOT NULL,
    http_status      integer     NOT NULL,
    error_message    text        NOT NULL,
    state            text        NOT NULL CHECK (state IN ('pending', 'delivered', 'abandoned')),
    next_attempt_at  timestamptz,
    latency_ms       bigint      NOT NULL,
    PRIMARY KEY (event_id, attempt)
);

-- Every path to a terminal status (a render's end, CancelExport, the retry limit) goes through this trigger, so the
-- event commits or rolls back with the status.
CREATE FUNCTION export_jobs_enqueue_webhook() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO webhook_events (event_id, export_id, owner_id, event_type, url, created_at, next_attempt_at)
    VALUES (gen_random_uuid(), NEW.export_id, NEW.owner_id, NEW.status, NEW.webhook_url, coalesce(NEW.finished_at, now()), now());
    RETURN NULL;
END;
$$;

CREATE TRIGGER export_jobs_enqueue_webhook AFTER UPDATE OF status ON export_jobs
    FOR EACH ROW
    WHEN (OLD.status IN ('queued', 'rendering') AND NEW.status IN ('succeeded', 'failed', 'cancelled') AND NEW.webhook_url <> '')
    EXECUTE FUNCTION export_jobs_enqueue_webhook();
