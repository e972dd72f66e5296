using System.Globalization;
using System.Management.Automation;
using GrpcExports.PowerShell.Output;

namespace GrpcExports.PowerShell.Cmdlets;

public abstract partial class GxCmdlet
{
    /// <summary>
    /// Follows an export with WatchExport until it finishes, showing each change as progress, and writes the finished
    /// export (with a warning when it failed or was cancelled). Past <paramref name="timeout"/> the call ends with
    /// DEADLINE_EXCEEDED and nothing is written.
    /// </summary>
    private protected void WaitForExport(string id, TimeSpan? timeout)
    {
        var activity = $"Export {id}";
        GxExport? last = null;
        // The bar only moves forward within one render attempt, even when a message with an older percent arrives late.
        var shownPercent = 0.0;
        var watched = TryStream("grpcexports.v1.ExportService/WatchExport", id,
            (session, cancellation) => session.WatchExportAsync(id, timeout, cancellation),
            export =>
            {
                shownPercent = last is null || last.Attempt == export.Attempt ? Math.Max(shownPercent, export.Progress.Percent) : export.Progress.Percent;
                last = export;
                WriteProgress(ProgressOf(activity, export, shownPercent));
            });
        WriteProgress(new ProgressRecord(ProgressActivityId, activity, last?.Status ?? "Stopped") { RecordType = ProgressRecordType.Completed });
        if (!watched || last is null)
        {
            return;
        }
        if (last.Status is "Failed" or "Cancelled")
        {
            WriteWarning(last.ErrorReason is null
                ? $"Export {id} was {last.Status.ToLowerInvariant()}."
                : $"Export {id} failed: {last.ErrorReason}: {last.ErrorMessage}");
        }
        WriteObject(last);
    }

    private const int ProgressActivityId = 0x6778;

    private static ProgressRecord ProgressOf(string activity, GxExport export, double percent)
    {
        var progress = export.Progress;
        var status = export.Status == "Rendering" && progress.FramesTotal > 0
            ? string.Create(CultureInfo.InvariantCulture, $"Rendering: frame {progress.FramesDone} of {progress.FramesTotal} at {progress.RenderFps:0.#} fps")
            : export.Status;
        return new ProgressRecord(ProgressActivityId, activity, status)
        {
            PercentComplete = (int)Math.Clamp(percent, 0, 100),
            CurrentOperation = progress.Stage,
            SecondsRemaining = progress.SecondsRemaining is { } seconds ? (int)Math.Ceiling(seconds) : -1,
        };
    }
}
