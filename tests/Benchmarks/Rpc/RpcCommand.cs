using Benchmarks.Charts;
using Benchmarks.CommandLine;
using Benchmarks.Diagnostics;
using Benchmarks.Load;

namespace Benchmarks.Rpc;

/// <summary>
/// <c>Benchmarks rpc</c>: unary call throughput and latency of our gRPC layer against raw Kestrel answering the
/// same bytes over HTTP/2, in the same process and run, driven by h2load in interleaved rounds on a noisy machine.
/// Fails (exit 1) when a request fails or the two hosts do not answer alike; an unmet aim is only reported.
/// </summary>
public sealed class RpcCommand : IBenchmarkCommand
{
    /// <summary>The acceptance aim (issue 2): the layer's unary call costs no more than 1.3x raw Kestrel's.</summary>
    public const double Aim = 1.3;

    /// <summary>Requests per host in the counted check that opens the run; each must reach the handler.</summary>
    private const int CountedCheckRequests = 5_000;

    public string Name => "rpc";

    public string Summary => "unary call throughput and latency: our gRPC layer vs raw Kestrel answering the same bytes (h2load)";

    public string OptionsHelp => RpcOptions.Help;

    public async Task<int> RunAsync(CommandArguments arguments, CancellationToken cancellationToken)
    {
        var options = RpcOptions.Parse(arguments);
        var output = Console.Out;
        var h2loadVersion = await H2LoadRunner.VersionAsync(options.H2LoadPath, cancellationToken);
        if (h2loadVersion is null)
        {
            Console.Error.WriteLine($"Cannot run '{options.H2LoadPath}'. Install it: sudo apt-get install -y nghttp2-client");
            return 1;
        }

        var exchange = EchoExchange.Create(options.PayloadBytes);
        var requestFile = Path.GetTempFileName();
        await File.WriteAllBytesAsync(requestFile, exchange.RequestFrame, cancellationToken);
        try
        {
            await using var layer = await LayerHost.StartAsync(cancellationToken);
            await using var raw = await RawKestrelHost.StartAsync(exchange, cancellationToken);
            var runs = new[] { layer, raw }.ToDictionary(h => h.Name, h => LoadFor(h, exchange, requestFile, options));

            output.WriteLine($"rpc: unary {exchange.Path}, payload {options.PayloadBytes} B (request frame {exchange.RequestFrame.Length} B, "
                + $"response frame {exchange.ResponseFrame.Length} B)");
            output.WriteLine($"  {h2loadVersion}; {options.Clients} connections x {options.Streams} streams, {options.Threads} thread(s); "
                + $"{options.Rounds} rounds of {options.DurationSeconds} s per host, interleaved; {Environment.ProcessorCount} cores; "
                + $"server GC {System.Runtime.GCSettings.IsServerGC}");
            output.WriteLine($"  {layer.Name}: our gRPC layer at {layer.Address}; {raw.Name}: raw Kestrel at {raw.Address}");
            output.WriteLine();

            output.WriteLine("Same answer from both hosts (one HTTP/2 call each with HttpClient):");
            if (!await ResponseComparison.CheckAsync(layer, raw, exchange, output, cancellationToken))
            {
                return 1;
            }

            output.WriteLine();
            output.WriteLine($"Counted check and warm-up: {CountedCheckRequests} requests per host, each must reach the handler; "
                + $"then {options.WarmupSeconds} s unrecorded load per host.");
            foreach (var host in new[] { layer, raw })
            {
                if (!await CountedCheckAsync(host, runs[host.Name], output, cancellationToken))
                {
                    return 1;
                }
                if (options.WarmupSeconds > 0)
                {
                    var warmup = await H2LoadRunner.RunTimedAsync(runs[host.Name], options.WarmupSeconds, 0, cancellationToken);
                    if (warmup.Failure is { } failure)
                    {
                        output.WriteLine($"  FAILED warm-up of {host.Name}: {failure}");
                        return 1;
                    }
                }
            }

            if (options.AllocationTypes > 0)
            {
                await ListAllocationsAsync([layer, raw], runs, options, output, cancellationToken);
            }

            output.WriteLine();
            output.WriteLine("Rounds (odd rounds measure the layer first, even rounds raw first, so neither always goes first):");
            var report = new RpcReport(output, Aim);
            report.WriteTableHeader();
            var measurements = new List<RoundMeasurement>();
            for (var round = 1; round <= options.Rounds; round++)
            {
                var order = round % 2 == 1 ? new[] { layer, raw } : new[] { raw, layer };
                foreach (var host in order)
                {
                    // h2load's one-second warm-up opens the connections outside the measured time.
                    var cost = ServerCost.Start(host);
                    var result = await H2LoadRunner.RunTimedAsync(runs[host.Name], options.DurationSeconds, 1, cancellationToken);
                    var (cpu, allocated) = cost.PerCall();
                    var measurement = new RoundMeasurement(host.Name, round, result, cpu, allocated);
                    report.WriteRow(measurement);
                    if (result.Failure is { } failure)
                    {
                        output.WriteLine($"  FAILED: round {round}, {host.Name}: {failure}");
                        return 1;
                    }
                    measurements.Add(measurement);
                }
            }

            output.WriteLine();
            output.WriteLine("Same answer from both hosts after the load:");
            if (!await ResponseComparison.CheckAsync(layer, raw, exchange, output, cancellationToken))
            {
                return 1;
            }

            report.WriteSummary(measurements, layer.Name, raw.Name);
            await ChartFile.WriteIfAskedAsync(options.ChartPath, () => RpcChart.Latencies(measurements, layer.Name, raw.Name, options),
                output, cancellationToken);
            return 0;
        }
        catch (H2LoadException e)
        {
            Console.Error.WriteLine($"FAILED: {e.Message}");
            return 1;
        }
        finally
        {
            File.Delete(requestFile);
        }
    }

    private static H2LoadRun LoadFor(BenchmarkHost host, EchoExchange exchange, string requestFile, RpcOptions options) =>
        new(options.H2LoadPath, new Uri(host.Address, exchange.Path), requestFile,
            ["content-type: application/grpc", "te: trailers"], options.Clients, options.Streams, options.Threads);

    private static async Task ListAllocationsAsync(BenchmarkHost[] hosts, Dictionary<string, H2LoadRun> runs, RpcOptions options,
        TextWriter output, CancellationToken cancellationToken)
    {
        using var sampler = new AllocationSampler();
        foreach (var host in hosts)
        {
            output.WriteLine();
            output.WriteLine($"Allocations of {host.Name} over {options.DurationSeconds} s (share of sampled bytes, top {options.AllocationTypes}):");
            var cost = ServerCost.Start(host);
            sampler.Start();
            await H2LoadRunner.RunTimedAsync(runs[host.Name], options.DurationSeconds, 0, cancellationToken);
            var types = sampler.Stop(options.AllocationTypes);
            var (_, bytesPerCall) = cost.PerCall();
            foreach (var (type, share) in types)
            {
                output.WriteLine($"  {share,6:P1} {share * bytesPerCall,7:0} B/call  {type}");
            }
        }
    }

    private static async Task<bool> CountedCheckAsync(BenchmarkHost host, H2LoadRun run, TextWriter output,
        CancellationToken cancellationToken)
    {
        var before = host.Calls.Count;
        var result = await H2LoadRunner.RunCountedAsync(run, CountedCheckRequests, cancellationToken);
        var handled = host.Calls.Count - before;
        if (result.Failure is { } failure)
        {
            output.WriteLine($"  FAILED counted check of {host.Name}: {failure}");
            return false;
        }
        if (handled != CountedCheckRequests || result.Log.Requests != CountedCheckRequests)
        {
            output.WriteLine($"  FAILED counted check of {host.Name}: {CountedCheckRequests} requests sent, {handled} handled, "
                + $"{result.Log.Requests} logged by h2load");
            return false;
        }
        output.WriteLine($"  {host.Name,-5} {CountedCheckRequests} of {CountedCheckRequests} handled, all HTTP 200");
        return true;
    }
}
