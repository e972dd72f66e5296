using GrpcExports.Grpc.Calls;

namespace GrpcExports.Server.Security.Authentication;

/// <summary>
/// The authenticated caller of a call, set by <see cref="ApiKeyAuthentication"/> before any product handler runs.
/// Everything a user owns is read and written with <c>context.Caller().UserId</c> as its owner.
/// </summary>
internal static class CallerContext
{
    private static readonly object Key = new();

    public static Caller Caller(this ServerCallContext context) =>
        context.Items.TryGetValue(Key, out var value) && value is Caller caller
            ? caller
            : throw new InvalidOperationException($"{context.Method} ran without an authenticated caller; only health and reflection may.");

    internal static void SetCaller(this ServerCallContext context, Caller caller) => context.Items[Key] = caller;
}
