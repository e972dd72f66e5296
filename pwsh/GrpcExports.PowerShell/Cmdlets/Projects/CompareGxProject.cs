using System.Management.Automation;
using GrpcExports.PowerShell.Completion;
using GrpcExports.PowerShell.Output;

namespace GrpcExports.PowerShell.Cmdlets.Projects;

/// <summary>How one version of a project became another: the JSON Patch of the editor state and the metadata changes.</summary>
[Cmdlet(VerbsData.Compare, "GxProject")]
[OutputType(typeof(GxProjectDiff))]
public sealed class CompareGxProject : GxCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [Alias("ProjectId")]
    [ArgumentCompleter(typeof(ProjectIdCompleter))]
    [ValidateNotNullOrEmpty]
    public string Id { get; set; } = "";

    [Parameter(Mandatory = true, Position = 1)]
    [ArgumentCompleter(typeof(ProjectVersionCompleter))]
    [ValidateRange(1, long.MaxValue)]
    public long FromVersion { get; set; }

    /// <summary>The later version; 0, the default, is the latest.</summary>
    [Parameter(Position = 2)]
    [ArgumentCompleter(typeof(ProjectVersionCompleter))]
    [ValidateRange(0, long.MaxValue)]
    public long ToVersion { get; set; }

    protected override void ProcessRecord()
    {
        if (TryCall("grpcexports.v1.ProjectService/DiffProjectVersions", Id,
                (session, cancellation) => session.DiffProjectVersionsAsync(Id, FromVersion, ToVersion, cancellation), out var diff))
        {
            WriteObject(diff);
        }
    }
}
