using Benchmarks.Charts;
using Benchmarks.CommandLine;

namespace Benchmarks.Store;

/// <summary>The store command's options.</summary>
/// <param name="Syncs">Syncs per design in the steady phase.</param>
/// <param name="SyncsPerSecond">The steady phase's pace, per design.</param>
/// <param name="Items">Items in the synced editor state (140 make about 100 KB).</param>
/// <param name="History">Events in the history the reads are measured against.</param>
/// <param name="HistoryItems">Items in the history project's editor state.</param>
/// <param name="Reads">Reads per design and kind of read.</param>
/// <param name="ChartPath">Where to draw the sync latency percentiles as a PNG, if anywhere.</param>
public sealed record StoreOptions(int Syncs, int SyncsPerSecond, int Items, int History, int HistoryItems, int Reads, string? ChartPath)
{
    public const string Help =
        """
          --syncs N           syncs per design at the steady pace (default 500)
          --rate N            the steady pace, syncs per second per design (default 50)
          --items N           items in the synced editor state; 140 make about 100 KB (default 140)
          --history N         events in the history that reads are measured against (default 10000)
          --history-items N   items in that project's editor state (default 10, about 7.5 KB)
          --reads N           reads per design and kind of read (default 300)
        """ + "\n" + ChartFile.OptionHelp;

    public static StoreOptions Parse(CommandArguments arguments)
    {
        var options = new StoreOptions(
            Syncs: arguments.GetInt32("syncs", 500, max: 100_000),
            SyncsPerSecond: arguments.GetInt32("rate", 50, max: 10_000),
            Items: arguments.GetInt32("items", 140, min: 2, max: 100_000),
            History: arguments.GetInt32("history", 10_000, min: 2, max: 1_000_000),
            HistoryItems: arguments.GetInt32("history-items", 10, min: 2, max: 100_000),
            Reads: arguments.GetInt32("reads", 300, max: 1_000_000),
            ChartPath: arguments.GetOptionalString("chart"));
        arguments.RejectUnread();
        return options;
    }
}
