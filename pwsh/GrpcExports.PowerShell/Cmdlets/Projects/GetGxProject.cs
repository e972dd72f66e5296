using System.Management.Automation;
using GrpcExports.PowerShell.Completion;
using GrpcExports.PowerShell.Engine;
using GrpcExports.PowerShell.Output;

namespace GrpcExports.PowerShell.Cmdlets.Projects;

/// <summary>
/// Reads projects: by id (with the editor state, at the latest or a past version), or a list filtered by folder and
/// title, most recently edited first, paged behind the scenes.
/// </summary>
[Cmdlet(VerbsCommon.Get, "GxProject", DefaultParameterSetName = ListSet, SupportsPaging = true)]
[OutputType(typeof(GxProject))]
public sealed class GetGxProject : GxCmdlet
{
    private const string ListSet = "List";
    private const string IdSet = "Id";

    [Parameter(Mandatory = true, Position = 0, ParameterSetName = IdSet, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("ProjectId")]
    [ArgumentCompleter(typeof(ProjectIdCompleter))]
    [ValidateNotNullOrEmpty]
    public string[] Id { get; set; } = [];

    /// <summary>A past version to read (0, the default, is the latest).</summary>
    [Parameter(ParameterSetName = IdSet)]
    [ArgumentCompleter(typeof(ProjectVersionCompleter))]
    [ValidateRange(0, long.MaxValue)]
    public long Version { get; set; }

    [Parameter(ParameterSetName = ListSet)]
    [ArgumentCompleter(typeof(FolderCompleter))]
    [ValidateNotNullOrEmpty]
    public string? Folder { get; set; }

    /// <summary>Only projects whose title contains this text (case-insensitive).</summary>
    [Parameter(ParameterSetName = ListSet)]
    [ValidateNotNullOrEmpty]
    public string? Title { get; set; }

    /// <summary>Only projects edited at or after this time (local unless its Kind says UTC).</summary>
    [Parameter(ParameterSetName = ListSet)]
    public DateTime? UpdatedAfter { get; set; }

    /// <summary>How many projects each ListProjects call asks for; the listing goes on until -First is met either way.</summary>
    [Parameter(ParameterSetName = ListSet)]
    [ValidateRange(1, LargestPage)]
    public int PageSize { get; set; } = LargestPage;

    protected override void ProcessRecord()
    {
        if (ParameterSetName == ListSet)
        {
            var filter = new ProjectFilter(Folder, Title, UpdatedAfter);
            WritePages("grpcexports.v1.ProjectService/ListProjects", filter, PagingParameters, PageSize,
                (session, page, cancellation) => session.ListProjectsAsync(filter, page, cancellation));
            return;
        }
        foreach (var id in Id)
        {
            if (TryCall("grpcexports.v1.ProjectService/GetProject", id, (session, cancellation) => session.GetProjectAsync(id, Version, cancellation), out var project))
            {
                WriteObject(project);
            }
        }
    }
}
