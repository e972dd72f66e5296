-- The event store (server/GrpcExports.Server/Events/EventStore.cs): one row per stream, one row per event.

-- A stream's identity, type and version: the version of its last event (1 after the first).
CREATE TABLE event_streams (
    stream_id   uuid        PRIMARY KEY,
    stream_type text        NOT NULL,
    version     bigint      NOT NULL CHECK (version >= 1),
    created_at  timestamptz NOT NULL,
    updated_at  timestamptz NOT NULL
);

-- Every event, in the order appended.
--   position: the global position, increasing across all streams in the order events were appended (not
--             necessarily the order their transactions committed; a rolled-back append leaves a gap).
--   version:  the event's place in its stream, 1, 2, 3, ... without gaps. UNIQUE (stream_id, version) is what
--             enforces optimistic concurrency: of two appends that both expect version N, one inserts N + 1 and the
--             other hits events_stream_version_key.
--   data:     the event's JSON exactly as written. `json`, not `jsonb`: json keeps the text byte for byte (key order,
--             duplicate keys, number spelling, whitespace) while still refusing what is not JSON; jsonb would
--             normalise it, and the editor state must come back exactly as it was saved.
--   actor_*, client_info, correlation_id, idempotency_key: who made the change, with what, as part of which request.
--   recorded_at: when the event was appended, read after the stream's row was locked, so it never goes backwards
--             within a stream.
CREATE TABLE events (
    position           bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    stream_id          uuid        NOT NULL REFERENCES event_streams (stream_id),
    version            bigint      NOT NULL CHECK (version >= 1),
    event_type         text        NOT NULL,
    data               json        NOT NULL,
    actor_user_id      text,
    actor_api_key_id   text,
    actor_api_key_name text,
    client_info        text,
    correlation_id     text,
    idempotency_key    text,
    recorded_at        timestamptz NOT NULL,
    CONSTRAINT events_stream_version_key UNIQUE (stream_id, version)
);
