using System.Management.Automation;
using GrpcExports.PowerShell.Completion;
using GrpcExports.PowerShell.EditorState;
using GrpcExports.PowerShell.Engine;
using GrpcExports.PowerShell.Output;

namespace GrpcExports.PowerShell.Cmdlets.Projects;

/// <summary>Creates a project at version 1, with the editor state given or a blank one.</summary>
[Cmdlet(VerbsCommon.New, "GxProject", SupportsShouldProcess = true, DefaultParameterSetName = EditorStateSource.ObjectParameterSet)]
[OutputType(typeof(GxProject))]
public sealed class NewGxProject : GxCmdlet
{
    [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
    public string? Title { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string? Description { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(FolderCompleter))]
    public string? Folder { get; set; }

    [Parameter(ParameterSetName = EditorStateSource.ObjectParameterSet)]
    [ValidateNotNull]
    public object? EditorState { get; set; }

    [Parameter(Mandatory = true, ParameterSetName = EditorStateSource.PathParameterSet)]
    [ValidateNotNullOrEmpty]
    public string? Path { get; set; }

    protected override void ProcessRecord()
    {
        var target = Title ?? "(untitled project)";
        if (!TryReadEditorState(EditorState, Path, target, out var editorStateJson) || !ShouldProcess(target, "Create project"))
        {
            return;
        }
        var project = new NewProject(Title, Description, Folder, editorStateJson);
        if (TryCall("grpcexports.v1.ProjectService/CreateProject", target, (session, cancellation) => session.CreateProjectAsync(project, cancellation), out var created))
        {
            WriteObject(created);
        }
    }
}
