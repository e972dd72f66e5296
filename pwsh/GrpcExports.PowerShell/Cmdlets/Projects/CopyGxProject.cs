using System.Management.Automation;
using GrpcExports.PowerShell.Completion;
using GrpcExports.PowerShell.Engine;
using GrpcExports.PowerShell.Output;

namespace GrpcExports.PowerShell.Cmdlets.Projects;

/// <summary>
/// Makes a new project from a version of an existing one: the same editor state, and the source's title, description
/// and folder unless given.
/// </summary>
[Cmdlet(VerbsCommon.Copy, "GxProject", SupportsShouldProcess = true)]
[OutputType(typeof(GxProject))]
public sealed class CopyGxProject : GxCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("ProjectId")]
    [ArgumentCompleter(typeof(ProjectIdCompleter))]
    [ValidateNotNullOrEmpty]
    public string Id { get; set; } = "";

    /// <summary>The version to copy; 0, the default, is the latest.</summary>
    [Parameter]
    [ArgumentCompleter(typeof(ProjectVersionCompleter))]
    [ValidateRange(0, long.MaxValue)]
    public long Version { get; set; }

    [Parameter]
    public string? Title { get; set; }

    [Parameter]
    public string? Description { get; set; }

    [Parameter]
    [ArgumentCompleter(typeof(FolderCompleter))]
    public string? Folder { get; set; }

    protected override void ProcessRecord()
    {
        if (!ShouldProcess(Id, Version == 0 ? "Copy project" : $"Copy version {Version} of project"))
        {
            return;
        }
        var copy = new ProjectCopy(Id, Version, Title, Description, Folder);
        if (TryCall("grpcexports.v1.ProjectService/CloneProject", Id, (session, cancellation) => session.CloneProjectAsync(copy, cancellation), out var project))
        {
            WriteObject(project);
        }
    }
}
