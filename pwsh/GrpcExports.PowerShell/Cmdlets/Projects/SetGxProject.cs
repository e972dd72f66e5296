using System.Management.Automation;
using GrpcExports.PowerShell.Completion;
using GrpcExports.PowerShell.Engine;
using GrpcExports.PowerShell.Output;

namespace GrpcExports.PowerShell.Cmdlets.Projects;

/// <summary>Changes a project's title, description or folder; only the parameters given change.</summary>
[Cmdlet(VerbsCommon.Set, "GxProject", SupportsShouldProcess = true)]
[OutputType(typeof(GxProject))]
public sealed class SetGxProject : GxCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("ProjectId")]
    [ArgumentCompleter(typeof(ProjectIdCompleter))]
    [ValidateNotNullOrEmpty]
    public string Id { get; set; } = "";

    [Parameter]
    public string? Title { get; set; }

    [Parameter]
    public string? Description { get; set; }

    /// <summary>The folder to move the project to; an empty string takes it out of every folder.</summary>
    [Parameter]
    [ArgumentCompleter(typeof(FolderCompleter))]
    public string? Folder { get; set; }

    [Parameter]
    public SwitchParameter PassThru { get; set; }

    protected override void ProcessRecord()
    {
        if (Title is null && Description is null && Folder is null)
        {
            WriteInputError(new ArgumentException("Give at least one of -Title, -Description and -Folder."), "NOTHING_TO_CHANGE", Id);
            return;
        }
        if (!ShouldProcess(Id, "Update project"))
        {
            return;
        }
        var changes = new ProjectChanges(Id, Title, Description, Folder);
        if (TryCall("grpcexports.v1.ProjectService/UpdateProject", Id, (session, cancellation) => session.UpdateProjectAsync(changes, cancellation), out var project) && PassThru)
        {
            WriteObject(project);
        }
    }
}
