using GrpcExports.Grpc.Calls;

namespace GrpcExports.Server.Projects.Idempotency;

/// <summary>The `idempotency-key` request header: 1..128 visible ASCII characters, or absent.</summary>
internal static class IdempotencyKey
{
    public const string Header = "idempotency-key";
    public const int MaxLength = 128;

    /// <summary>The call's key, null when none was sent; INVALID_ARGUMENT naming the header when it is malformed.</summary>
    public static string? From(ServerCallContext context)
    {
        var values = context.RequestHeaders[Header];
        if (values.Count == 0)
        {
            return null;
        }
        var key = values.Count == 1 ? values[0] ?? "" : "";
        if (values.Count > 1 || key.Length is 0 or > MaxLength || !key.All(c => c is >= '!' and <= '~'))
        {
            throw ProjectErrors.InvalidRequest(Header,
                $"The {Header} header is sent once, with 1 to {MaxLength} visible ASCII characters (no spaces).");
        }
        return key;
    }
}
