using Benchmarks.Charts;
using Benchmarks.CommandLine;

namespace Benchmarks.Rpc;

/// <summary>The rpc command's options.</summary>
/// <param name="DurationSeconds">How long h2load measures each host in each round.</param>
/// <param name="Rounds">Rounds of one measurement per host, interleaved.</param>
/// <param name="Clients">h2load connections.</param>
/// <param name="Streams">Concurrent streams (calls in flight) per connection.</param>
/// <param name="PayloadBytes">Size of the echoed bytes field, in the request and the response.</param>
/// <param name="WarmupSeconds">Unrecorded load on each host before the rounds (JIT, tiered PGO, pools).</param>
/// <param name="Threads">h2load's native threads.</param>
/// <param name="H2LoadPath">The h2load executable.</param>
/// <param name="AllocationTypes">When above 0, a profiling run per host first lists this many most-allocated types.</param>
/// <param name="ChartPath">Where to draw the latency percentiles as a PNG, if anywhere.</param>
public sealed record RpcOptions(
    int DurationSeconds,
    int Rounds,
    int Clients,
    int Streams,
    int PayloadBytes,
    int WarmupSeconds,
    int Threads,
    string H2LoadPath,
    int AllocationTypes,
    string? ChartPath)
{
    public const string Help =
        """
          --duration SECONDS  measured time per host per round (default 10)
          --rounds N          interleaved rounds; each measures both hosts (default 3)
          --clients N         h2load connections (default 16)
          --streams N         concurrent calls per connection (default 8)
          --payload BYTES     size of the echoed payload, both ways (default 64)
          --warmup SECONDS    unrecorded load on each host before the rounds (default 5)
          --threads N         h2load threads (default 1)
          --h2load PATH       the h2load executable (default: h2load on PATH; Debian package nghttp2-client)
          --allocations N     before the rounds, list each host's N most-allocated types (default 0: off)
        """ + "\n" + ChartFile.OptionHelp;

    public static RpcOptions Parse(CommandArguments arguments)
    {
        var options = new RpcOptions(
            DurationSeconds: arguments.GetInt32("duration", 10, max: 3600),
            Rounds: arguments.GetInt32("rounds", 3, max: 100),
            Clients: arguments.GetInt32("clients", 16, max: 10_000),
            Streams: arguments.GetInt32("streams", 8, max: 100),
            PayloadBytes: arguments.GetInt32("payload", 64, min: 0, max: 4 * 1024 * 1024),
            WarmupSeconds: arguments.GetInt32("warmup", 5, min: 0, max: 3600),
            Threads: arguments.GetInt32("threads", 1, max: 64),
            H2LoadPath: arguments.GetString("h2load", "h2load"),
            AllocationTypes: arguments.GetInt32("allocations", 0, min: 0, max: 1000),
            ChartPath: arguments.GetOptionalString("chart"));
        arguments.RejectUnread();
        if (options.Threads > options.Clients)
        {
            throw new UsageException("--threads cannot exceed --clients (h2load needs a connection per thread).");
        }
        return options;
    }
}
