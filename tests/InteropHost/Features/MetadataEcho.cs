using GrpcExports.Grpc.Calls;

namespace InteropHost.Features;

/// <summary>
/// "Echo Metadata": x-grpc-test-echo-initial comes back as initial metadata, x-grpc-test-echo-trailing-bin as
/// trailing metadata, each under its own name with its value unchanged (a -bin value stays base64 on the wire).
/// </summary>
public static class MetadataEcho
{
    public const string InitialKey = "x-grpc-test-echo-initial";
    public const string TrailingKey = "x-grpc-test-echo-trailing-bin";

    /// <summary>Call before the first response message, while initial metadata can still change.</summary>
    public static void Apply(ServerCallContext context)
    {
        if (context.RequestHeaders.TryGetValue(InitialKey, out var initial))
        {
            context.ResponseHeaders[InitialKey] = initial;
        }
        if (context.RequestHeaders.TryGetValue(TrailingKey, out var trailing))
        {
            context.ResponseTrailers[TrailingKey] = trailing;
        }
    }
}
