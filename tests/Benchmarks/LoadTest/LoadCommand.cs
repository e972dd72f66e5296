using System.Diagnostics;
using Benchmarks.CommandLine;
using Benchmarks.Store;
using GrpcExports.Client;
using GrpcExports.Protocol.V1;

namespace Benchmarks.LoadTest;

/// <summary>
/// <c>Benchmarks load</c>: the real server (in this process, loopback only, its own PostgreSQL with durable settings,
/// the default sync rate limit and one export worker) under N autosaving clients, each syncing its own project every
/// interval for a bounded time, while exports render and M WatchExport streams follow exports to their end. Sync
/// latency under load is compared with the same syncs from one client on the same server, measured first in the same
/// run. Fails (exit 1) on any error other than the rate limit, or a watcher that does not see the terminal state.
/// </summary>
public sealed class LoadCommand : IBenchmarkCommand
{
    /// <summary>A guard against exports that never end once the load has stopped; never reached in a healthy run.</summary>
    private static readonly TimeSpan DrainGuard = TimeSpan.FromMinutes(15);

    public string Name => "load";

    public string Summary => "N autosaving clients while exports run and M WatchExport streams follow them (sync p50/p99 vs one client)";

    public string OptionsHelp => LoadOptions.Help;

    public async Task<int> RunAsync(CommandArguments arguments, CancellationToken cancellationToken)
    {
        var options = LoadOptions.Parse(arguments);
        var output = Console.Out;
        await using var host = await StoreHost.StartAsync(cancellationToken);
        var states = new EditorStates(options.Items);
        var interval = TimeSpan.FromMilliseconds(options.IntervalMilliseconds);
        output.WriteLine($"load: {options.Clients} clients syncing a {states.At(0).Length} B state every {interval.TotalSeconds:0.###} s for "
            + $"{options.Seconds} s, {ExportTraffic.Concurrent} exports at a time, {options.Watchers} watchers on {options.WatchedExports} exports; "
            + $"{Environment.ProcessorCount} cores, load average {LoadAverage()}");

        // The baseline: the same syncs from one client on the idle server.
        using var baselineConnection = host.Connect();
        var baselineClient = new AutosaveClient(new ProjectServiceClient(baselineConnection), states);
        await baselineClient.CreateProjectAsync(cancellationToken);
        var baseline = new SyncOutcomes();
        for (var step = 1; step <= options.BaselineSyncs; step++)
        {
            await baselineClient.SyncAsync(step, baseline, cancellationToken);
        }

        var connections = new List<GrpcConnection>();
        try
        {
            var clients = new List<AutosaveClient>();
            for (var i = 0; i < options.Clients; i++)
            {
                connections.Add(await host.ConnectAsAsync($"load-client-{i}", cancellationToken));
                clients.Add(new AutosaveClient(new ProjectServiceClient(connections[^1]), states));
                await clients[^1].CreateProjectAsync(cancellationToken);
            }
            var exporter = await host.ConnectAsAsync("load-exporter", cancellationToken);
            connections.Add(exporter);
            var watched = await host.ConnectAsAsync("load-watched", cancellationToken);
            connections.Add(watched);
            // Each user exports a project of its own (users see only their own projects).
            var exportedProject = new AutosaveClient(new ProjectServiceClient(exporter), states);
            await exportedProject.CreateProjectAsync(cancellationToken);
            var watchedProject = new AutosaveClient(new ProjectServiceClient(watched), states);
            await watchedProject.CreateProjectAsync(cancellationToken);
            var watcherConnections = new List<GrpcConnection>();
            for (var i = 0; i < (options.Watchers + LoadOptions.WatchersPerConnection - 1) / LoadOptions.WatchersPerConnection; i++)
            {
                watcherConnections.Add(await host.ConnectAsAsync("load-watched", cancellationToken));
            }
            connections.AddRange(watcherConnections);

            var load = new SyncOutcomes();
            var elapsed = Stopwatch.StartNew();
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            stop.CancelAfter(TimeSpan.FromSeconds(options.Seconds));
            var autosaving = clients.Select(client => client.AutosaveAsync(interval, load, stop.Token)).ToList();
            var traffic = new ExportTraffic(new ExportServiceClient(exporter));
            var exporting = traffic.RunAsync(exportedProject.ProjectId, stop.Token);
            var crowd = new WatcherCrowd(watcherConnections);
            var watchedExports = new List<string>();
            for (var i = 0; i < options.WatchedExports; i++)
            {
                watchedExports.Add((await new ExportServiceClient(watched).CreateExportAsync(new CreateExportRequest
                {
                    ProjectId = watchedProject.ProjectId, Options = ExportTraffic.Options,
                }, cancellationToken: cancellationToken)).Export.Id);
            }
            var watching = options.Watchers == 0 ? Task.CompletedTask : crowd.WatchAsync(watchedExports, options.Watchers);
            await Task.WhenAll(autosaving);
            var autosaved = elapsed.Elapsed;
            await Task.WhenAll(exporting, watching).WaitAsync(DrainGuard, cancellationToken);

            new LoadReport(output).Print(options, autosaved, baseline, load, traffic, crowd);
            var passed = baseline.Errors == 0 && load.Errors == 0 && crowd.Terminal == options.Watchers && traffic.Failed == 0;
            output.WriteLine(passed ? "load: passed" : "load: FAILED (errors other than the rate limit, failed exports or watchers without the terminal state)");
            return passed ? 0 : 1;
        }
        finally
        {
            connections.ForEach(connection => connection.Dispose());
        }
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";
}
