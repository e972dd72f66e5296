namespace GrpcExports.Server.Events;

/// <summary>Who made a change: the user, and the API key they called with (none for the server's own changes).</summary>
internal sealed record EventActor(string UserId, string? ApiKeyId = null, string? ApiKeyName = null);

/// <summary>
/// What an append records with each of its events besides the data: the actor, the client (its user-agent), the
/// correlation id of the request that caused it, and the request's idempotency key. Every field is optional.
/// </summary>
internal sealed record EventMetadata(
    EventActor? Actor = null,
    string? ClientInfo = null,
    string? CorrelationId = null,
    string? IdempotencyKey = null)
{
    public static EventMetadata None { get; } = new();
}
