using System.Management.Automation;
using GrpcExports.PowerShell.Completion;
using GrpcExports.PowerShell.Output;

namespace GrpcExports.PowerShell.Cmdlets.Assets;

/// <summary>Deletes an asset; the server refuses (ASSET_IN_USE) while a saved project version or an active export uses it.</summary>
[Cmdlet(VerbsCommon.Remove, "GxAsset", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
[OutputType(typeof(GxAssetDeletion))]
public sealed class RemoveGxAsset : GxCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("AssetId")]
    [ArgumentCompleter(typeof(AssetIdCompleter))]
    [ValidateNotNullOrEmpty]
    public string Id { get; set; } = "";

    /// <summary>Deletes without asking for confirmation.</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    [Parameter]
    public SwitchParameter PassThru { get; set; }

    protected override void ProcessRecord()
    {
        if ((SkipsConfirmation(Force) || ShouldProcess(Id, "Delete asset"))
            && TryCall("grpcexports.v1.AssetService/DeleteAsset", Id, (session, cancellation) => session.DeleteAssetAsync(Id, cancellation), out var deletion)
            && PassThru)
        {
            WriteObject(deletion);
        }
    }
}
