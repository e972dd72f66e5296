using Google.Protobuf.WellKnownTypes;
using GrpcExports.Protocol.V1;
using GrpcExports.Server.Assets;
using GrpcExports.Server.Assets.Storage;
using GrpcExports.Server.Assets.Upload;
using GrpcExports.Server.EditorState.Validation;
using Microsoft.Extensions.Options;

namespace GrpcExports.Server.ProjectFiles;

/// <summary>
/// ValidateProjectFile: receives the file like an import, then reports every problem of the archive (each included
/// asset's bytes are read and checked against the manifest) and of the editor state, and what the file holds. A bad file
/// is an answer, not an error; the received file is deleted when the call ends.
/// </summary>
internal sealed class ProjectFileValidation(IOptions<ProjectFileOptions> options, AssetContentFiles files)
{
    /// <summary>ValidateProjectFile lists at most this many editor-state violations.</summary>
    private const int MaxReportedViolations = 1000;

    public async Task<ValidateProjectFileResponse> ValidateAsync(IAsyncEnumerable<ValidateProjectFileRequest> requests, CancellationToken cancellationToken)
    {
        var limits = options.Value;
        await using var messages = requests.GetAsyncEnumerator(cancellationToken);
        if (!await messages.MoveNextAsync().ConfigureAwait(false) || messages.Current.PayloadCase != ValidateProjectFileRequest.PayloadOneofCase.Header)
        {
            throw AssetErrors.Incomplete("header", "The first message of a validation must carry its header.");
        }
        var header = messages.Current.Header;
        ProjectFileImports.CheckHeader(header.FileName, header.SizeBytes, sha256: "");
        await using var received = IncomingFile.Create(files.Incoming);
        await ProjectFileReceiver.ReceiveAsync(messages, request => request.PayloadCase == ValidateProjectFileRequest.PayloadOneofCase.Chunk ? request.Chunk : null,
            header.SizeBytes, declaredSha256: "", limits.MaxFileBytes, received, cancellationToken).ConfigureAwait(false);
        using var archive = await ProjectFileArchive.OpenAsync(received.Path, limits, cancellationToken).ConfigureAwait(false);
        var response = new ValidateProjectFileResponse { FileProblems = { archive.Problems } };
        if (archive.Manifest is { } manifest)
        {
            response.Summary = Summary(manifest, archive);
            if (archive.Problems.Count == 0)
            {
                foreach (var asset in archive.IncludedAssets)
                {
                    if (await archive.ReadAssetAsync(asset, (_, _) => Task.CompletedTask, cancellationToken).ConfigureAwait(false) is { } problem)
                    {
                        response.FileProblems.Add(problem);
                    }
                }
            }
        }
        var editorStateValid = archive.EditorStateJson is { } json && CheckEditorState(json, response);
        response.Valid = response.FileProblems.Count == 0 && editorStateValid;
        return response;
    }

    private static ProjectFileSummary Summary(ProjectFileManifest manifest, ProjectFileArchive archive) => new()
    {
        FormatVersion = manifest.FormatVersion,
        Title = manifest.Project.Title,
        Description = manifest.Project.Description,
        SourceProjectId = manifest.Project.Id,
        SourceProjectVersion = manifest.Project.Version,
        CreateTime = Timestamp.FromDateTimeOffset(manifest.CreateTime),
        IncludedAssetCount = archive.IncludedAssets.Count,
        IncludedAssetBytes = archive.IncludedAssets.Sum(asset => archive.DeclaredSize(asset.Entry!)),
    };

    /// <summary>Adds the editor state's violations and facts to the response; false when it cannot be imported.</summary>
    private static bool CheckEditorState(string json, ValidateProjectFileResponse response)
    {
        if (EditorStateEntry.Read(json, out var problem) is not { } document)
        {
            response.FileProblems.Add(problem!);
            return false;
        }
        var report = EditorStateValidator.Validate(document);
        response.EditorStateViolations.AddRange(report.Violations.Take(MaxReportedViolations));
        (response.Summary ??= new ProjectFileSummary()).EditorState = DocumentSummary.Of(json);
        return report.Valid;
    }
}
