using System.Management.Automation;
using GrpcExports.PowerShell.Completion;
using GrpcExports.PowerShell.EditorState;
using GrpcExports.PowerShell.Output;

namespace GrpcExports.PowerShell.Cmdlets.Projects;

/// <summary>
/// Asks the server whether it would accept an editor state - given inline, from a file, or a stored project's - and
/// why not, and whether every asset it references is there and fits its uses (asset pre-flight, when the server can
/// check assets). Nothing is stored.
/// </summary>
[Cmdlet(VerbsDiagnostic.Test, "GxProject", DefaultParameterSetName = EditorStateSource.ObjectParameterSet)]
[OutputType(typeof(GxValidationResult))]
public sealed class TestGxProject : GxCmdlet
{
    private const string IdSet = "Id";

    [Parameter(Mandatory = true, Position = 0, ParameterSetName = EditorStateSource.ObjectParameterSet)]
    [ValidateNotNull]
    public object? EditorState { get; set; }

    [Parameter(Mandatory = true, ParameterSetName = EditorStateSource.PathParameterSet)]
    [ValidateNotNullOrEmpty]
    public string? Path { get; set; }

    /// <summary>A stored project whose latest editor state to check.</summary>
    [Parameter(Mandatory = true, ParameterSetName = IdSet, ValueFromPipelineByPropertyName = true)]
    [Alias("ProjectId")]
    [ArgumentCompleter(typeof(ProjectIdCompleter))]
    [ValidateNotNullOrEmpty]
    public string? Id { get; set; }

    protected override void ProcessRecord()
    {
        string? editorStateJson;
        if (Id is not null)
        {
            if (!TryCall("grpcexports.v1.ProjectService/GetProject", Id, (session, cancellation) => session.GetProjectAsync(Id, 0, cancellation), out var project))
            {
                return;
            }
            editorStateJson = project.EditorStateJson;
        }
        else if (!TryReadEditorState(EditorState, Path, Path ?? "-EditorState", out editorStateJson))
        {
            return;
        }
        var target = (object?)Id ?? Path ?? "-EditorState";
        if (!TryCall("grpcexports.v1.ProjectService/ValidateEditorState", target,
                (session, cancellation) => session.ValidateEditorStateAsync(editorStateJson!, cancellation), out var result))
        {
            return;
        }
        // A document the schema refuses cannot be resolved against assets either.
        if (result.Valid && TryCall("grpcexports.v1.ProjectService/CheckProjectAssets", target,
                (session, cancellation) => session.CheckProjectAssetsAsync(Id, Id is null ? editorStateJson : null, cancellation), out var assetCheck))
        {
            if (assetCheck is null)
            {
                WriteVerbose("The server cannot check assets yet (CheckProjectAssets is UNIMPLEMENTED): AssetCheck is left empty.");
            }
            result = result.WithAssetCheck(assetCheck);
        }
        WriteObject(result);
    }
}
