using System.Text.Json.Nodes;
using GrpcExports.Protocol.V1;
using GrpcExports.Protocol.Wire;
using GrpcExports.Server.Assets;
using GrpcExports.Server.Assets.MediaTypes;
using GrpcExports.Server.Assets.Probing;
using GrpcExports.Server.Assets.Storage;
using GrpcExports.Server.Assets.Upload;
using GrpcExports.Server.EditorState;
using GrpcExports.Server.EditorState.JsonPatch;
using GrpcExports.Server.EditorState.Validation;
using GrpcExports.Server.Events;
using GrpcExports.Server.Limits.EditorState;
using GrpcExports.Server.Limits.Storage;
using GrpcExports.Server.Projects;
using GrpcExports.Server.Projects.Idempotency;
using GrpcExports.Server.Projects.Storage;
using Microsoft.Extensions.Options;

namespace GrpcExports.Server.ProjectFiles;

/// <summary>
/// ImportProjectFile: receives the file into the asset directory's incoming folder, refuses it whole at its first
/// problem (INVALID_PROJECT_FILE naming the entry), then, in the project's write, links every asset of the document:
/// to the caller's existing asset with the same SHA-256, else to a new asset stored from the file's bytes (probed like
/// an upload), else it is reported missing. The document's <c>remoteKey</c>s are rewritten to the linked asset ids and
/// the project starts at version 1 with a ProjectImported event. A failure removes the assets it stored, and the
/// received file and extracted bytes are always deleted.
/// </summary>
internal sealed class ProjectFileImports(IOptions<ProjectFileOptions> options, AssetContentFiles files, AssetStore assets,
    OwnedContent ownedContent, MediaProber prober, ProjectStore projects, IdempotentWrites writes, EditorStateLimits editorStateLimits,
    StorageQuota quota)
{
    public async Task<ImportProjectFileResponse> ImportAsync(IAsyncEnumerable<ImportProjectFileRequest> requests, string ownerId,
        string? idempotencyKey, EventMetadata metadata, CancellationToken cancellationToken)
    {
        var limits = options.Value;
        await using var messages = requests.GetAsyncEnumerator(cancellationToken);
        if (!await messages.MoveNextAsync().ConfigureAwait(false) || messages.Current.PayloadCase != ImportProjectFileRequest.PayloadOneofCase.Header)
        {
            throw AssetErrors.Incomplete("header", "The first message of an import must carry its header.");
        }
        var header = messages.Current.Header;
        CheckHeader(header.FileName, header.SizeBytes, header.Sha256);
        var (title, _, folderId) = ProjectRequests.Metadata(header.Title, "", header.FolderId, prefix: "header.");
        await using var received = IncomingFile.Create(files.Incoming);
        var sha256 = await ProjectFileReceiver.ReceiveAsync(messages, request => request.PayloadCase == ImportProjectFileRequest.PayloadOneofCase.Chunk ? request.Chunk : null,
            header.SizeBytes, header.Sha256, limits.MaxFileBytes, received, cancellationToken).ConfigureAwait(false);
        using var archive = await ProjectFileArchive.OpenAsync(received.Path, limits, cancellationToken).ConfigureAwait(false);
        if (archive.Problems.Count > 0)
        {
            throw ProjectFileErrors.Invalid(archive.Problems);
        }
        var manifest = archive.Manifest!;
        var document = ParseDocument(archive.EditorStateJson!);
        // The included assets as if none were relinked: the quota is checked before anything is stored.
        var includedBytes = archive.IncludedAssets.Sum(asset => archive.DeclaredSize(asset.Entry!));
        if (includedBytes > 0)
        {
            await quota.EnsureRoomAsync(ownerId, includedBytes, cancellationToken).ConfigureAwait(false);
        }
        var source = manifest.Project;
        var keptTitle = header.Title.Trim().Length == 0 ? source.Title : title;
        ProjectRequests.Metadata(keptTitle, source.Description, "", prefix: "manifest.project.");
        var identity = new ImportProjectFileHeader(header) { Sha256 = sha256, SizeBytes = received.Length };
        var stored = new List<Guid>();
        try
        {
            return await writes.RunAsync(ownerId, idempotencyKey, "ImportProjectFile", identity, async transaction =>
            {
                var links = await LinkAssetsAsync(archive, ownerId, stored, cancellationToken).ConfigureAwait(false);
                var stateJson = Relinked(document, links.AssetIds);
                var row = await projects.ImportAsync(transaction, ownerId, keptTitle, source.Description, folderId, stateJson,
                    new ImportSource(header.FileName, sha256, source.Id, source.Version), metadata, cancellationToken).ConfigureAwait(false);
                return new ImportProjectFileResponse
                {
                    Project = ProjectMessages.ToProject(row),
                    AssetsUploaded = links.Uploaded,
                    AssetsRelinked = links.Relinked,
                    MissingAssetKeys = { links.Missing },
                };
            }, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            foreach (var assetId in stored)
            {
                await assets.DeleteAsync(assetId, ownerId, CancellationToken.None).ConfigureAwait(false);
            }
            throw;
        }
    }

    /// <summary>INVALID_FILE_NAME, INVALID_REQUEST or PAYLOAD_TOO_LARGE for a header ValidateProjectFile and ImportProjectFile refuse alike.</summary>
    public static void CheckHeader(string fileName, long sizeBytes, string sha256)
    {
        if (AssetFileName.Problem(fileName) is { } problem)
        {
            throw AssetErrors.InvalidFileName("header.file_name", fileName, problem);
        }
        if (sizeBytes < 0)
        {
            throw ProjectErrors.InvalidRequest("header.size_bytes", "A size is 0 (unknown) or more.");
        }
        if (sha256.Length > 0 && (sha256.Length != 64 || !sha256.All(char.IsAsciiHexDigit)))
        {
            throw ProjectErrors.InvalidRequest("header.sha256", "A SHA-256 is 64 hexadecimal digits (or empty when unknown).");
        }
    }

    /// <summary>
    /// The editor state of the file as a document, INVALID_PROJECT_FILE when it is not JSON, the limit's refusal when it is
    /// over one, INVALID_EDITOR_STATE when it breaks a rule.
    /// </summary>
    private JsonObject ParseDocument(string editorStateJson)
    {
        var state = EditorStateEntry.Read(editorStateJson, out var problem) ?? throw ProjectFileErrors.Invalid([problem!]);
        editorStateLimits.Check(state, "editor_state");
        var report = EditorStateValidator.Validate(state);
        if (!report.Valid)
        {
            throw ProjectErrors.InvalidEditorState("editor_state", report.Violations);
        }
        return (JsonObject)JsonNodes.Parse(editorStateJson)!;
    }

    private async Task<AssetLinks> LinkAssetsAsync(ProjectFileArchive archive, string ownerId, List<Guid> stored, CancellationToken cancellationToken)
    {
        var links = new AssetLinks();
        var bySha256 = new Dictionary<string, Guid>(StringComparer.Ordinal);
        foreach (var asset in archive.Manifest!.Assets)
        {
            if (asset.Sha256 is { } sha256 && (bySha256.TryGetValue(sha256, out var linked)
                || await ownedContent.FindAsync(ownerId, sha256, cancellationToken).ConfigureAwait(false) is { } owned && bySha256.TryAdd(sha256, linked = owned)))
            {
                links.AssetIds[asset.Key] = linked;
                links.Relinked++;
            }
            else if (asset.Entry is not null)
            {
                var row = await StoreAsync(archive, asset, ownerId, cancellationToken).ConfigureAwait(false);
                stored.Add(row.AssetId);
                bySha256[row.Sha256] = row.AssetId;
                links.AssetIds[asset.Key] = row.AssetId;
                links.Uploaded++;
            }
            else
            {
                links.Missing.Add(asset.Key);
            }
        }
        return links;
    }

    /// <summary>A new asset from an included entry: its bytes checked against the manifest, then probed like an upload.</summary>
    private async Task<AssetRow> StoreAsync(ProjectFileArchive archive, ManifestAsset asset, string ownerId, CancellationToken cancellationToken)
    {
        var entry = asset.Entry!;
        var type = (AssetFileName.Problem(asset.FileName) is null ? MediaTypeCatalog.ByMediaType(asset.MediaType)
            ?? MediaTypeCatalog.ByExtension(Path.GetExtension(asset.FileName)) : null)
            ?? throw ProjectFileErrors.Invalid([ProblemCodes.Problem(entry, ProblemCodes.Corrupt,
                $"Asset '{asset.Key}' is '{asset.FileName}' of type '{asset.MediaType}', which is not a file name and media type UploadAsset accepts.")]);
        await using var file = IncomingFile.Create(files.Incoming);
        var problem = await archive.ReadAssetAsync(asset, file.AppendAsync, cancellationToken).ConfigureAwait(false);
        if (problem is not null)
        {
            throw ProjectFileErrors.Invalid([problem]);
        }
        var sha256 = await file.CompleteAsync(cancellationToken).ConfigureAwait(false);
        ProbedMedia probed;
        try
        {
            probed = await prober.ProbeAsync(file.Path, asset.FileName, type, cancellationToken).ConfigureAwait(false);
        }
        catch (RpcException refused) when (refused.StatusCode == StatusCode.InvalidArgument)
        {
            throw ProjectFileErrors.Invalid([ProblemCodes.Problem(entry, ProblemCodes.Corrupt, $"Asset '{asset.Key}' is not the media it claims: {refused.Detail}")]);
        }
        var row = new AssetRow(Guid.CreateVersion7(), ownerId, null, asset.FileName, probed.Type.MediaType, probed.Kind, file.Length, sha256,
            probed.Info, DateTimeOffset.UtcNow);
        await assets.AddAsync(row, file.Path, cancellationToken).ConfigureAwait(false);
        return row;
    }

    /// <summary>The document with each linked asset's <c>remoteKey</c> set to the asset it is linked to now.</summary>
    private static string Relinked(JsonObject document, IReadOnlyDictionary<string, Guid> assetIds)
    {
        var copy = (JsonObject)document.DeepClone();
        if (copy["assets"] is JsonObject documentAssets)
        {
            foreach (var (key, assetId) in assetIds)
            {
                if (documentAssets[key] is JsonObject asset)
                {
                    asset["remoteKey"] = assetId.ToString();
                }
            }
        }
        return EditorStateJson.Write(EditorStateJson.Read(copy.ToJsonString()));
    }

    private sealed class AssetLinks
    {
        public Dictionary<string, Guid> AssetIds { get; } = new(StringComparer.Ordinal);

        public List<string> Missing { get; } = [];

        public int Uploaded { get; set; }

        public int Relinked { get; set; }
    }
}
