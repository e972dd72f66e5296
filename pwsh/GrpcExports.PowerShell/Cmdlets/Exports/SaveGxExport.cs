using System.Management.Automation;
using GrpcExports.PowerShell.Completion;
using GrpcExports.PowerShell.Output;

namespace GrpcExports.PowerShell.Cmdlets.Exports;

/// <summary>
/// Downloads a succeeded export's file, with progress. A file already at the destination is taken as an interrupted
/// download and resumed from its size; the whole file's SHA-256 is checked against the server's at the end, and a file
/// that does not match is deleted and reported.
/// </summary>
[Cmdlet(VerbsData.Save, "GxExport", SupportsShouldProcess = true)]
[OutputType(typeof(GxExportFile))]
public sealed class SaveGxExport : GxCmdlet
{
    private const int ProgressActivityId = 0x6779;

    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("ExportId")]
    [ArgumentCompleter(typeof(ExportIdCompleter))]
    [ValidateNotNullOrEmpty]
    public string Id { get; set; } = "";

    /// <summary>
    /// The file to write, or a folder (one that exists, or a path ending in a separator, which is created) to write the
    /// export's suggested file name into. Default: the current folder.
    /// </summary>
    [Parameter(Position = 1)]
    [ValidateNotNullOrEmpty]
    public string Path { get; set; } = ".";

    protected override void ProcessRecord()
    {
        var destination = GetUnresolvedProviderPathFromPSPath(Path);
        if (Directory.Exists(destination) || System.IO.Path.EndsInDirectorySeparator(destination))
        {
            if (!TryCall("grpcexports.v1.ExportService/GetExport", Id, (session, cancellation) => session.GetExportAsync(Id, cancellation), out var export))
            {
                return;
            }
            if (export.Output is null)
            {
                WriteError(new ErrorRecord(new InvalidOperationException($"Export {Id} is {export.Status}: only a succeeded export has a file to save."),
                    "EXPORT_NOT_READY", ErrorCategory.InvalidOperation, Id));
                return;
            }
            destination = System.IO.Path.Combine(destination, System.IO.Path.GetFileName(export.Output.FileName));
        }
        if (!ShouldProcess(destination, $"Save export {Id}"))
        {
            return;
        }
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(destination)!);
        var activity = $"Saving export {Id} to {destination}";
        GxExportFile? saved = null;
        TryStream("grpcexports.v1.ExportService/DownloadExport", Id,
            (session, cancellation) => session.DownloadExportAsync(Id, destination, cancellation),
            step =>
            {
                saved = step.Result;
                WriteProgress(new ProgressRecord(ProgressActivityId, activity, $"{step.BytesDone:N0} of {step.BytesTotal:N0} bytes")
                {
                    PercentComplete = step.BytesTotal > 0 ? (int)(step.BytesDone * 100 / step.BytesTotal) : 100,
                });
            });
        WriteProgress(new ProgressRecord(ProgressActivityId, activity, "Done") { RecordType = ProgressRecordType.Completed });
        if (saved is not null)
        {
            if (saved.ResumedFromByte > 0)
            {
                WriteVerbose($"Resumed {saved.Path} from byte {saved.ResumedFromByte}.");
            }
            WriteObject(saved);
        }
    }
}
