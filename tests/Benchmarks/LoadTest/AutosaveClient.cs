using System.Diagnostics;
using Benchmarks.Store;
using GrpcExports.Client;
using GrpcExports.Protocol.V1;
using GrpcExports.Protocol.Wire;

namespace Benchmarks.LoadTest;

/// <summary>
/// One editor autosaving its own project over its own connection: a sync every interval (the first after a random part
/// of one, so clients do not march in step), each moving one item or changing one keyframe of the state.
/// </summary>
public sealed class AutosaveClient(ProjectServiceClient projects, EditorStates states)
{
    public string ProjectId { get; private set; } = "";

    public async Task CreateProjectAsync(CancellationToken cancellationToken) =>
        ProjectId = (await projects.CreateProjectAsync(new CreateProjectRequest { Project = new Project { EditorState = states.MessageAt(0) } },
            cancellationToken: cancellationToken)).Project.Id;

    /// <summary>Syncs every <paramref name="interval"/> until <paramref name="stop"/>, recording each outcome.</summary>
    public async Task AutosaveAsync(TimeSpan interval, SyncOutcomes outcomes, CancellationToken stop)
    {
        var schedule = Stopwatch.StartNew();
        var offset = interval * Random.Shared.NextDouble();
        for (var step = 1; ; step++)
        {
            var due = offset + interval * (step - 1) - schedule.Elapsed;
            try
            {
                if (due > TimeSpan.Zero)
                {
                    await Task.Delay(due, stop);
                }
                // A sync in flight when the time is up finishes; only the waits are cut short.
                await SyncAsync(step, outcomes, CancellationToken.None);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
        }
    }

    /// <summary>One sync of step <paramref name="step"/>'s state; its latency or its failure goes to <paramref name="outcomes"/>.</summary>
    public async Task SyncAsync(int step, SyncOutcomes outcomes, CancellationToken cancellationToken)
    {
        var request = new SyncProjectRequest { ProjectId = ProjectId, EditorState = states.MessageAt(step) };
        var started = Stopwatch.GetTimestamp();
        try
        {
            await projects.SyncProjectAsync(request, cancellationToken: cancellationToken);
            outcomes.Acknowledged(Stopwatch.GetElapsedTime(started).TotalMicroseconds);
        }
        catch (RpcException error) when (!cancellationToken.IsCancellationRequested)
        {
            outcomes.Failed(error);
        }
    }
}
