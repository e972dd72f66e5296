using System.Management.Automation;
using GrpcExports.PowerShell.Completion;
using GrpcExports.PowerShell.Output;

namespace GrpcExports.PowerShell.Cmdlets.Exports;

/// <summary>Deletes a finished export and its file; afterwards it is not found. An active export must be stopped first.</summary>
[Cmdlet(VerbsCommon.Remove, "GxExport", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
[OutputType(typeof(GxExportDeletion))]
public sealed class RemoveGxExport : GxRemoveCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("ExportId")]
    [ArgumentCompleter(typeof(ExportIdCompleter))]
    [ValidateNotNullOrEmpty]
    public string Id { get; set; } = "";

    protected override void ProcessRecord() =>
        Remove(Id, "Delete export and its file", "grpcexports.v1.ExportService/DeleteExport", (session, cancellation) => session.DeleteExportAsync(Id, cancellation));
}
