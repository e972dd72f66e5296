using System.Management.Automation;
using GrpcExports.PowerShell.Completion;
using GrpcExports.PowerShell.Output;

namespace GrpcExports.PowerShell.Cmdlets.Exports;

/// <summary>
/// Waits for exports to finish, showing the render's progress (percent, stage, frames, speed, time left), and returns
/// each finished export; a failed or cancelled one comes with a warning.
/// </summary>
[Cmdlet(VerbsLifecycle.Wait, "GxExport")]
[OutputType(typeof(GxExport))]
public sealed class WaitGxExport : GxCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("ExportId")]
    [ArgumentCompleter(typeof(ExportIdCompleter))]
    [ValidateNotNullOrEmpty]
    public string Id { get; set; } = "";

    /// <summary>How long to wait for each export, in seconds; past it the wait ends with a DEADLINE_EXCEEDED error and the export goes on.</summary>
    [Parameter]
    [ValidateRange(1, int.MaxValue)]
    public int Timeout { get; set; }

    protected override void ProcessRecord() =>
        WaitForExport(Id, Timeout > 0 ? TimeSpan.FromSeconds(Timeout) : null);
}
