using System.Diagnostics;
using Benchmarks.Charts;
using Benchmarks.CommandLine;
using Benchmarks.Reporting;
using GrpcExports.Client;
using GrpcExports.Protocol.V1;
using GrpcExports.Server.Events;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Npgsql;

namespace Benchmarks.Store;

/// <summary>
/// <c>Benchmarks store</c>: the event-sourced project store (a JSON patch per sync, a snapshot every N, a projection
/// for reads) against the naive design (a row with the whole state per version), on the same PostgreSQL in one run:
/// sync latency at a steady pace, reads against a long history, and bytes stored per sync. The event store is measured
/// both at the store (the same work the naive table does) and through SyncProject / GetProject over gRPC.
/// </summary>
public sealed class StoreCommand : IBenchmarkCommand
{
    /// <summary>Untimed syncs per design before the measured ones.</summary>
    private const int Warmup = 10;

    public string Name => "store";

    public string Summary => "project store: patches + snapshots + projection vs a full state per version (sync latency, reads, bytes)";

    public string OptionsHelp => StoreOptions.Help;

    public async Task<int> RunAsync(CommandArguments arguments, CancellationToken cancellationToken)
    {
        var options = StoreOptions.Parse(arguments);
        var output = Console.Out;
        var total = Stopwatch.StartNew();
        // The steady phase syncs one project 50 times a second, above the editor-sized default limit.
        await using var host = await StoreHost.StartAsync(cancellationToken, "--Projects:SyncRate:RatePerSecond=100000", "--Projects:SyncRate:Burst=100000");
        using var connection = host.Connect();
        var grpc = new ProjectServiceClient(connection);
        var naive = new NaiveStateTable(host.Database);
        await naive.CreateAsync(cancellationToken);
        var report = new StoreReport(output);

        // Steady syncs of the large state: the same sequence of states through each design, one design at a time.
        var states = new EditorStates(options.Items);
        var stateBytes = System.Text.Encoding.UTF8.GetByteCount(states.At(0));
        output.WriteLine($"store: {options.Syncs} syncs per design at {options.SyncsPerSecond}/s of a {stateBytes} B state "
            + $"(one item moved or one keyframe changed per sync); reads against a {options.History}-event history; "
            + $"{Environment.ProcessorCount} cores");
        var viaGrpc = (await grpc.CreateProjectAsync(new CreateProjectRequest { Project = new Project { EditorState = Parse(states.At(0)) } }, cancellationToken: cancellationToken)).Project;
        var atStore = await host.WriteAsync(tx => host.Projects.CreateAsync(tx, StoreHost.OwnerId, "bench", "", "", states.At(0), null, EventMetadata.None, cancellationToken), cancellationToken);
        var naiveProject = Guid.NewGuid();
        await naive.SyncAsync(naiveProject, states.At(0), cancellationToken);
        // Untimed first syncs warm each path up (JIT, pools, plans); the measured steps follow them.
        var first = Warmup + 1;
        for (var step = 1; step < first; step++)
        {
            await grpc.SyncProjectAsync(new SyncProjectRequest { ProjectId = viaGrpc.Id, EditorState = Parse(states.At(step)) }, cancellationToken: cancellationToken);
            await host.WriteAsync(tx => host.Projects.SyncAsync(tx, atStore.ProjectId, StoreHost.OwnerId, 0, states.At(step), EventMetadata.None, cancellationToken), cancellationToken);
            await naive.SyncAsync(naiveProject, states.At(step), cancellationToken);
        }
        var phase = Stopwatch.StartNew();
        var (grpcSyncs, grpcPace) = await Timings.PacedAsync(options.Syncs, options.SyncsPerSecond, step => Parse(states.At(first + step - 1)),
            async state => await grpc.SyncProjectAsync(new SyncProjectRequest { ProjectId = viaGrpc.Id, EditorState = state }, cancellationToken: cancellationToken),
            cancellationToken);
        var (storeSyncs, storePace) = await Timings.PacedAsync(options.Syncs, options.SyncsPerSecond, step => states.At(first + step - 1),
            state => host.WriteAsync(tx => host.Projects.SyncAsync(tx, atStore.ProjectId, StoreHost.OwnerId, 0, state, EventMetadata.None, cancellationToken), cancellationToken), cancellationToken);
        var (naiveSyncs, naivePace) = await Timings.PacedAsync(options.Syncs, options.SyncsPerSecond, step => states.At(first + step - 1),
            state => naive.SyncAsync(naiveProject, state, cancellationToken), cancellationToken);
        output.WriteLine($"  steady syncs: {phase.Elapsed.TotalSeconds:0} s");
        var ourBytes = await StoredBytesAsync(host.Database,
            "SELECT avg(octet_length(data::text)), avg(pg_column_size(data)) FROM events WHERE stream_id = @id AND version > 1", atStore.ProjectId, cancellationToken);
        var naiveBytes = await StoredBytesAsync(host.Database,
            "SELECT avg(octet_length(editor_state::text)), avg(pg_column_size(editor_state)) FROM naive_project_states WHERE project_id = @id AND version > 1",
            naiveProject, cancellationToken);

        // A long history: the event store gets it sync by sync, the naive table in one COPY (its sync path is measured above).
        phase.Restart();
        var historyStates = new EditorStates(options.HistoryItems);
        var history = await host.WriteAsync(tx => host.Projects.CreateAsync(tx, StoreHost.OwnerId, "history", "", "", historyStates.At(0), null, EventMetadata.None, cancellationToken), cancellationToken);
        for (var step = 1; step < options.History; step++)
        {
            await host.WriteAsync(tx => host.Projects.SyncAsync(tx, history.ProjectId, StoreHost.OwnerId, 0, historyStates.At(step), EventMetadata.None, cancellationToken), cancellationToken);
        }
        var naiveHistory = Guid.NewGuid();
        await naive.LoadHistoryAsync(naiveHistory, options.History, version => historyStates.At(version - 1), cancellationToken);
        await AnalyzeAsync(host.Database, cancellationToken);
        output.WriteLine($"  history of {options.History} events per design: {phase.Elapsed.TotalSeconds:0} s");
        var past = options.History / 2 + 7;
        var latest = await host.Projects.GetLatestAsync(history.ProjectId, StoreHost.OwnerId, includeState: false, cancellationToken) ?? throw new InvalidOperationException("The history project is gone.");
        var historyId = history.ProjectId.ToString();

        report.Heading(stateBytes, options);
        report.Row("syncs/s reached, at the store", storePace, naivePace, Units.Rate);
        report.Row("sync p50, at the store", Percentile.Of(storeSyncs, 50), Percentile.Of(naiveSyncs, 50), Units.Latency);
        report.Row("sync p99, at the store", Percentile.Of(storeSyncs, 99), Percentile.Of(naiveSyncs, 99), Units.Latency);
        report.Row("SyncProject/s reached, over gRPC", grpcPace, null, Units.Rate);
        report.Row("SyncProject p50, over gRPC", Percentile.Of(grpcSyncs, 50), null, Units.Latency);
        report.Row("SyncProject p99, over gRPC", Percentile.Of(grpcSyncs, 99), null, Units.Latency);
        report.Row("bytes stored per sync (JSON text)", ourBytes.Text, naiveBytes.Text, Units.Bytes);
        report.Row("bytes stored per sync (on disk, TOAST-compressed)", ourBytes.OnDisk, naiveBytes.OnDisk, Units.Bytes);
        report.Row($"latest read p50, {options.History}-event history, at the store",
            Percentile.Of(await Timings.BackToBackAsync(options.Reads, () =>
                host.Projects.GetLatestAsync(history.ProjectId, StoreHost.OwnerId, includeState: true, cancellationToken)), 50),
            Percentile.Of(await Timings.BackToBackAsync(options.Reads, () => naive.ReadAsync(naiveHistory, 0, cancellationToken)), 50), Units.Latency);
        report.Row($"GetProject p50, {options.History}-event history, over gRPC",
            Percentile.Of(await Timings.BackToBackAsync(options.Reads, async () =>
                await grpc.GetProjectAsync(new GetProjectRequest { ProjectId = historyId }, cancellationToken: cancellationToken)), 50), null, Units.Latency);
        report.Row($"version {past} read p50, at the store",
            Percentile.Of(await Timings.BackToBackAsync(options.Reads, () =>
                host.Projects.GetAtVersionAsync(latest, past, includeState: true, cancellationToken)), 50),
            Percentile.Of(await Timings.BackToBackAsync(options.Reads, () => naive.ReadAsync(naiveHistory, past, cancellationToken)), 50), Units.Latency);
        output.WriteLine();
        output.WriteLine($"Ratios are event store / naive (below 1: the event store is cheaper). Run took {total.Elapsed.TotalSeconds:0} s.");
        await ChartFile.WriteIfAskedAsync(options.ChartPath, () => StoreChart.SyncLatencies(storeSyncs, naiveSyncs, grpcSyncs, stateBytes, options),
            output, cancellationToken);
        return 0;
    }

    private static Struct Parse(string json) => JsonParser.Default.Parse<Struct>(json);

    private static async Task<(double Text, double OnDisk)> StoredBytesAsync(NpgsqlDataSource database, string sql, Guid projectId,
        CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand(sql);
        command.Parameters.Add(new NpgsqlParameter<Guid>("id", projectId));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return ((double)reader.GetDecimal(0), (double)reader.GetDecimal(1));
    }

    /// <summary>Fresh planner statistics after the bulk writes, as autovacuum would give them a little later.</summary>
    private static async Task AnalyzeAsync(NpgsqlDataSource database, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand("ANALYZE");
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
