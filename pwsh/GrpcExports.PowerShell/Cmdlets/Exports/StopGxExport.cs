using System.Management.Automation;
using GrpcExports.PowerShell.Completion;
using GrpcExports.PowerShell.Output;

namespace GrpcExports.PowerShell.Cmdlets.Exports;

/// <summary>Cancels a queued or rendering export: its render stops and its partial files go. Stopping a cancelled export again changes nothing.</summary>
[Cmdlet(VerbsLifecycle.Stop, "GxExport", SupportsShouldProcess = true)]
[OutputType(typeof(GxExport))]
public sealed class StopGxExport : GxCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("ExportId")]
    [ArgumentCompleter(typeof(ExportIdCompleter))]
    [ValidateNotNullOrEmpty]
    public string Id { get; set; } = "";

    [Parameter]
    public SwitchParameter PassThru { get; set; }

    protected override void ProcessRecord()
    {
        if (ShouldProcess(Id, "Cancel export")
            && TryCall("grpcexports.v1.ExportService/CancelExport", Id, (session, cancellation) => session.CancelExportAsync(Id, cancellation), out var export)
            && PassThru)
        {
            WriteObject(export);
        }
    }
}
