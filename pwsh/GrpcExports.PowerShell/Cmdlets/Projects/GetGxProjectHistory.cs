using System.Management.Automation;
using GrpcExports.PowerShell.Completion;
using GrpcExports.PowerShell.Output;

namespace GrpcExports.PowerShell.Cmdlets.Projects;

/// <summary>A project's events (creation, syncs, metadata updates, reverts, exports), newest first, paged behind the scenes.</summary>
[Cmdlet(VerbsCommon.Get, "GxProjectHistory", SupportsPaging = true)]
[OutputType(typeof(GxProjectEvent))]
public sealed class GetGxProjectHistory : GxCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("ProjectId")]
    [ArgumentCompleter(typeof(ProjectIdCompleter))]
    [ValidateNotNullOrEmpty]
    public string Id { get; set; } = "";

    [Parameter]
    public SwitchParameter OldestFirst { get; set; }

    protected override void ProcessRecord() =>
        WritePages("grpcexports.v1.ProjectService/ListProjectHistory", Id, PagingParameters, LargestPage,
            (session, page, cancellation) => session.ListProjectHistoryAsync(Id, OldestFirst, page, cancellation));
}
