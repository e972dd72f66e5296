using System.Management.Automation;
using GrpcExports.PowerShell.Completion;
using GrpcExports.PowerShell.Engine;
using GrpcExports.PowerShell.Output;

namespace GrpcExports.PowerShell.Cmdlets.Assets;

/// <summary>Reads uploaded assets: by id, or a list newest first, filtered by project and kind, paged behind the scenes.</summary>
[Cmdlet(VerbsCommon.Get, "GxAsset", DefaultParameterSetName = ListSet, SupportsPaging = true)]
[OutputType(typeof(GxAsset))]
public sealed class GetGxAsset : GxCmdlet
{
    private const string ListSet = "List";
    private const string IdSet = "Id";

    [Parameter(Mandatory = true, Position = 0, ParameterSetName = IdSet, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("AssetId")]
    [ArgumentCompleter(typeof(AssetIdCompleter))]
    [ValidateNotNullOrEmpty]
    public string[] Id { get; set; } = [];

    [Parameter(ParameterSetName = ListSet)]
    [ArgumentCompleter(typeof(ProjectIdCompleter))]
    [ValidateNotNullOrEmpty]
    public string? ProjectId { get; set; }

    [Parameter(ParameterSetName = ListSet)]
    [ValidateSet("Image", "Video", "Audio", "Gif", "Font", "Caption", "Other")]
    public string? Kind { get; set; }

    protected override void ProcessRecord()
    {
        if (ParameterSetName == ListSet)
        {
            var filter = new AssetFilter(ProjectId, Kind);
            WritePages("grpcexports.v1.AssetService/ListAssets", filter, PagingParameters, LargestPage,
                (session, page, cancellation) => session.ListAssetsAsync(filter, page, cancellation));
            return;
        }
        foreach (var id in Id)
        {
            if (TryCall("grpcexports.v1.AssetService/GetAsset", id, (session, cancellation) => session.GetAssetAsync(id, cancellation), out var asset))
            {
                WriteObject(asset);
            }
        }
    }
}
