using GrpcExports.Protocol.V1;
using GrpcExports.Server.Exports.Jobs;

namespace GrpcExports.Server.Exports.Watching;

/// <summary>
/// Which states a watcher passes on. Changes reach it by two roads (this instance's live progress, and rows re-read
/// after an announcement), so one can arrive after a newer one; progress never goes back, and nothing repeats.
/// </summary>
internal static class WatchOrder
{
    public static bool Follows(Export next, Export sent)
    {
        if (next.Equals(sent))
        {
            return false;
        }
        if (ExportStatuses.IsTerminal(next.Status))
        {
            return true;
        }
        var nextTime = next.Progress?.UpdateTime?.ToDateTimeOffset() ?? DateTimeOffset.MinValue;
        var sentTime = sent.Progress?.UpdateTime?.ToDateTimeOffset() ?? DateTimeOffset.MinValue;
        return nextTime >= sentTime;
    }
}
