namespace GrpcExports.Tests.Support;

/// <summary>Waits for a state the server reaches on its own (processes exiting, files removed).</summary>
public static class Poll
{
    /// <summary>Checks <paramref name="condition"/> every 50 ms; <paramref name="hangGuard"/> only stops a test that would hang.</summary>
    public static async Task UntilAsync(Func<bool> condition, TimeSpan hangGuard)
    {
        using var guard = new CancellationTokenSource(hangGuard);
        while (!condition())
        {
            await Task.Delay(50, guard.Token);
        }
    }
}
