using System.Management.Automation;
using GrpcExports.PowerShell.Completion;
using GrpcExports.PowerShell.Output;

namespace GrpcExports.PowerShell.Cmdlets.Assets;

/// <summary>Deletes an asset; the server refuses (ASSET_IN_USE) while a saved project version or an active export uses it.</summary>
[Cmdlet(VerbsCommon.Remove, "GxAsset", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
[OutputType(typeof(GxAssetDeletion))]
public sealed class RemoveGxAsset : GxRemoveCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("AssetId")]
    [ArgumentCompleter(typeof(AssetIdCompleter))]
    [ValidateNotNullOrEmpty]
    public string Id { get; set; } = "";

    protected override void ProcessRecord() =>
        Remove(Id, "Delete asset", "grpcexports.v1.AssetService/DeleteAsset", (session, cancellation) => session.DeleteAssetAsync(Id, cancellation));
}
