using System.Management.Automation;
using GrpcExports.PowerShell.Completion;
using GrpcExports.PowerShell.Output;

namespace GrpcExports.PowerShell.Cmdlets.Exports;

/// <summary>Deletes a finished export and its file; afterwards it is not found. An active export must be stopped first.</summary>
[Cmdlet(VerbsCommon.Remove, "GxExport", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
[OutputType(typeof(GxExportDeletion))]
public sealed class RemoveGxExport : GxCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("ExportId")]
    [ArgumentCompleter(typeof(ExportIdCompleter))]
    [ValidateNotNullOrEmpty]
    public string Id { get; set; } = "";

    /// <summary>Deletes without asking for confirmation.</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    [Parameter]
    public SwitchParameter PassThru { get; set; }

    protected override void ProcessRecord()
    {
        if ((SkipsConfirmation(Force) || ShouldProcess(Id, "Delete export and its file"))
            && TryCall("grpcexports.v1.ExportService/DeleteExport", Id, (session, cancellation) => session.DeleteExportAsync(Id, cancellation), out var deletion)
            && PassThru)
        {
            WriteObject(deletion);
        }
    }
}
