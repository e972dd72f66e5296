-- The idempotency-key expiry sweep (Projects/Idempotency/IdempotencyKeyExpiry.cs) deletes the oldest records in
-- batches; without this index every sweep scans the whole table.
CREATE INDEX idempotency_keys_created_at ON idempotency_keys (created_at);
