using GrpcExports.PowerShell.Engine;
using GrpcExports.PowerShell.Session;

namespace GrpcExports.PowerShell.Completion;

/// <summary>
/// A call a completer makes to the connected server. Tab completion must never fail or hang the prompt, so a call that
/// is not connected, fails or takes longer than a few seconds completes nothing.
/// </summary>
internal static class CompletionQuery
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(5);

    public static T? Run<T>(Func<IGxSession, CancellationToken, Task<T>> call) where T : class
    {
        if (ServerSession.Current is not { } session)
        {
            return null;
        }
        using var timeout = new CancellationTokenSource(Patience);
        try
        {
            return call(session, timeout.Token).GetAwaiter().GetResult();
        }
        catch (Exception error) when (error is GxRpcException or OperationCanceledException or ObjectDisposedException)
        {
            return null;
        }
    }
}
