namespace GrpcExports.Server.Exports.Webhooks.Outbox;

/// <summary>
/// A due event a sender has claimed (<see cref="ClaimId"/> names the claim). <see cref="Body"/> is null until the first
/// attempt fixes it; <see cref="Attempts"/> counts the attempts recorded before this one.
/// </summary>
internal sealed record ClaimedWebhookEvent(Guid EventId, Guid ClaimId, Guid ExportId, string OwnerId, string EventType, string Url,
    DateTimeOffset CreatedAt, int Attempts, byte[]? Body);

/// <summary>How one attempt went, as the delivery log records it.</summary>
internal sealed record WebhookAttempt(DateTimeOffset AttemptedAt, int HttpStatus, string ErrorMessage, TimeSpan Latency);
