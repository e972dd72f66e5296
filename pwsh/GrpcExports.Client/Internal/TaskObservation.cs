namespace GrpcExports.Client.Internal;

/// <summary>
/// Marks a task's failure as seen. Call objects expose tasks (response headers) that callers often never await;
/// their failures are reported through the call itself, and must not surface again as unobserved exceptions.
/// </summary>
internal static class TaskObservation
{
    public static void Observe(Task task) =>
        task.ContinueWith(static t => _ = t.Exception, CancellationToken.None,
            TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
}
