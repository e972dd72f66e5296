using System.Management.Automation;
using GrpcExports.PowerShell.Completion;
using GrpcExports.PowerShell.EditorState;
using GrpcExports.PowerShell.Output;

namespace GrpcExports.PowerShell.Cmdlets.Projects;

/// <summary>
/// Autosave: replaces a project's editor state. With -ExpectedVersion the server refuses the save
/// (STALE_STATE_VERSION) when someone saved since that state version.
/// </summary>
[Cmdlet(VerbsData.Sync, "GxProject", SupportsShouldProcess = true, DefaultParameterSetName = EditorStateSource.ObjectParameterSet)]
[OutputType(typeof(GxProjectSyncResult))]
public sealed class SyncGxProject : GxCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [Alias("ProjectId")]
    [ArgumentCompleter(typeof(ProjectIdCompleter))]
    [ValidateNotNullOrEmpty]
    public string Id { get; set; } = "";

    /// <summary>The new editor state: a hashtable or PSCustomObject, or its JSON text.</summary>
    [Parameter(Mandatory = true, Position = 1, ParameterSetName = EditorStateSource.ObjectParameterSet)]
    [ValidateNotNull]
    public object? EditorState { get; set; }

    [Parameter(Mandatory = true, ParameterSetName = EditorStateSource.PathParameterSet)]
    [ValidateNotNullOrEmpty]
    public string? Path { get; set; }

    /// <summary>The StateVersion this editor last read or wrote; 0 (the default) saves whatever is stored.</summary>
    [Parameter]
    [ValidateRange(0, long.MaxValue)]
    public long ExpectedVersion { get; set; }

    protected override void ProcessRecord()
    {
        if (!TryReadEditorState(EditorState, Path, Id, out var editorStateJson) || !ShouldProcess(Id, "Replace the editor state"))
        {
            return;
        }
        if (TryCall("grpcexports.v1.ProjectService/SyncProject", Id,
                (session, cancellation) => session.SyncProjectAsync(Id, editorStateJson!, ExpectedVersion, cancellation), out var result))
        {
            WriteObject(result);
        }
    }
}
