using System.Management.Automation;
using GrpcExports.PowerShell.Completion;
using GrpcExports.PowerShell.Engine;
using GrpcExports.PowerShell.Output;

namespace GrpcExports.PowerShell.Cmdlets.Exports;

/// <summary>
/// Reads exports: by id, or a list newest first, filtered by project, folder, status, creation time and client task id,
/// paged behind the scenes.
/// </summary>
[Cmdlet(VerbsCommon.Get, "GxExport", DefaultParameterSetName = ListSet, SupportsPaging = true)]
[OutputType(typeof(GxExport))]
public sealed class GetGxExport : GxCmdlet
{
    private const string ListSet = "List";
    private const string IdSet = "Id";

    [Parameter(Mandatory = true, Position = 0, ParameterSetName = IdSet, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("ExportId")]
    [ArgumentCompleter(typeof(ExportIdCompleter))]
    [ValidateNotNullOrEmpty]
    public string[] Id { get; set; } = [];

    [Parameter(ParameterSetName = ListSet)]
    [ArgumentCompleter(typeof(ProjectIdCompleter))]
    [ValidateNotNullOrEmpty]
    public string? ProjectId { get; set; }

    [Parameter(ParameterSetName = ListSet)]
    [ArgumentCompleter(typeof(FolderCompleter))]
    [ValidateNotNullOrEmpty]
    public string? Folder { get; set; }

    [Parameter(ParameterSetName = ListSet)]
    [ValidateSet("Queued", "Rendering", "Succeeded", "Failed", "Cancelled")]
    public string[] Status { get; set; } = [];

    /// <summary>Only exports created at or after this time (local unless its Kind says UTC).</summary>
    [Parameter(ParameterSetName = ListSet)]
    public DateTime? CreatedAfter { get; set; }

    /// <summary>Only exports created before this time.</summary>
    [Parameter(ParameterSetName = ListSet)]
    public DateTime? CreatedBefore { get; set; }

    [Parameter(ParameterSetName = ListSet)]
    [ValidateNotNullOrEmpty]
    public string? ClientTaskId { get; set; }

    protected override void ProcessRecord()
    {
        if (ParameterSetName == ListSet)
        {
            var filter = new ExportFilter(ProjectId, Folder, Status, CreatedAfter, CreatedBefore, ClientTaskId);
            WritePages("grpcexports.v1.ExportService/ListExports", filter, PagingParameters, LargestPage,
                (session, page, cancellation) => session.ListExportsAsync(filter, page, cancellation));
            return;
        }
        foreach (var id in Id)
        {
            if (TryCall("grpcexports.v1.ExportService/GetExport", id, (session, cancellation) => session.GetExportAsync(id, cancellation), out var export))
            {
                WriteObject(export);
            }
        }
    }
}
