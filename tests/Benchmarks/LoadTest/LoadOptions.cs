using Benchmarks.CommandLine;

namespace Benchmarks.LoadTest;

/// <summary>The load command's options.</summary>
/// <param name="Clients">Autosaving clients, each with its own connection and project.</param>
/// <param name="Seconds">How long they autosave.</param>
/// <param name="IntervalMilliseconds">Each client's time between syncs.</param>
/// <param name="Items">Items in the synced editor state.</param>
/// <param name="BaselineSyncs">Syncs of the one-client baseline.</param>
/// <param name="Watchers">Concurrent WatchExport streams.</param>
/// <param name="WatchedExports">Exports those streams are spread over.</param>
public sealed record LoadOptions(int Clients, int Seconds, int IntervalMilliseconds, int Items, int BaselineSyncs, int Watchers, int WatchedExports)
{
    /// <summary>Streams per connection: Kestrel allows 100 concurrent streams on one HTTP/2 connection by default.</summary>
    public const int WatchersPerConnection = 50;

    public const string Help =
        """
          --clients N          autosaving clients, each on its own connection and project (default 200)
          --seconds N          how long they autosave (default 300)
          --interval-ms N      time between one client's syncs (default 2000)
          --items N            items in the synced editor state, about 800 B each (default 20)
          --baseline-syncs N   syncs of the one-client baseline measured first (default 100)
          --watchers N         concurrent WatchExport streams during the load (default 1000)
          --watched-exports N  exports those streams are spread over (default 2)
        """;

    public static LoadOptions Parse(CommandArguments arguments)
    {
        var options = new LoadOptions(
            Clients: arguments.GetInt32("clients", 200, max: 2_000),
            Seconds: arguments.GetInt32("seconds", 300, max: 3_600),
            IntervalMilliseconds: arguments.GetInt32("interval-ms", 2_000, min: 10, max: 60_000),
            Items: arguments.GetInt32("items", 20, min: 2, max: 1_000),
            BaselineSyncs: arguments.GetInt32("baseline-syncs", 100, max: 100_000),
            Watchers: arguments.GetInt32("watchers", 1_000, min: 0, max: 10_000),
            WatchedExports: arguments.GetInt32("watched-exports", 2, max: 100));
        arguments.RejectUnread();
        return options;
    }
}
