using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Google.Protobuf;
using GrpcExports.Grpc.Calls;
using GrpcExports.Protocol.V1;
using GrpcExports.Server.Assets.Storage;
using GrpcExports.Server.EditorState.JsonPatch;
using GrpcExports.Server.Projects;
using GrpcExports.Server.Projects.Storage;

namespace GrpcExports.Server.ProjectFiles;

/// <summary>
/// ExportProjectFile: writes the project file of one project version to a scratch file in the asset directory (deleted
/// when the call ends, however it ends), then streams its ProjectFileInfo and its bytes in chunks of at most 1 MiB.
/// </summary>
internal sealed class ProjectFileExports(ProjectStore projects, AssetStore assets, AssetContentFiles files, TimeProvider clock)
{
    private const int ChunkSize = 1024 * 1024;

    public async Task ExportAsync(ExportProjectFileRequest request, string ownerId, IServerStreamWriter<ExportProjectFileResponse> responses,
        CancellationToken cancellationToken)
    {
        var project = await ProjectVersions.ReadAsync(projects, request.ProjectId, request.Version, ownerId, cancellationToken).ConfigureAwait(false);
        var manifestAssets = await ListAssetsAsync(project.EditorStateJson!, ownerId, request.IncludeAssets, cancellationToken).ConfigureAwait(false);
        Directory.CreateDirectory(files.Incoming);
        await using var scratch = new FileStream(Path.Combine(files.Incoming, $"{Guid.NewGuid():N}.gxproj.part"), FileMode.CreateNew,
            FileAccess.ReadWrite, FileShare.None, bufferSize: 0, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        await WriteAsync(scratch, project, manifestAssets, cancellationToken).ConfigureAwait(false);
        scratch.Position = 0;
        var sha256 = Convert.ToHexStringLower(await SHA256.HashDataAsync(scratch, cancellationToken).ConfigureAwait(false));
        await responses.WriteAsync(new ExportProjectFileResponse
        {
            Info = new ProjectFileInfo
            {
                FileName = SafeFileName(project.Title) + ProjectFileLayout.Extension,
                ContentType = ProjectFileLayout.ContentType,
                SizeBytes = scratch.Length,
                Sha256 = sha256,
                FormatVersion = ProjectFileLayout.FormatVersion,
                ProjectVersion = project.Version,
                IncludesAssets = request.IncludeAssets,
            },
        }).ConfigureAwait(false);
        scratch.Position = 0;
        var buffer = new byte[ChunkSize];
        int read;
        while ((read = await scratch.ReadAtLeastAsync(buffer, ChunkSize, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false)) > 0)
        {
            await responses.WriteAsync(new ExportProjectFileResponse { Chunk = ByteString.CopyFrom(buffer, 0, read) }).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Every asset of the document with the uploaded asset its <c>remoteKey</c> names; ASSETS_MISSING when the bytes are
    /// to be included and some asset (or its content file) cannot be found.
    /// </summary>
    private async Task<IReadOnlyList<ManifestAsset>> ListAssetsAsync(string editorStateJson, string ownerId, bool includeAssets,
        CancellationToken cancellationToken)
    {
        var documentAssets = (JsonNodes.Parse(editorStateJson)?["assets"] as JsonObject ?? [])
            .Select(pair => (Key: pair.Key, Asset: pair.Value as JsonObject ?? []))
            .Select(entry => (entry.Key, RemoteKey: Text(entry.Asset["remoteKey"]), FileName: Text(entry.Asset["filename"]), MediaType: Text(entry.Asset["mimeType"])))
            .ToList();
        var ids = documentAssets.Select(asset => Guid.TryParseExact(asset.RemoteKey, "D", out var id) ? id : (Guid?)null).OfType<Guid>().ToHashSet();
        var rows = ids.Count == 0 ? [] : await assets.GetManyAsync(ids, ownerId, cancellationToken).ConfigureAwait(false);
        var byId = rows.Where(row => File.Exists(files.PathOf(row.Sha256))).ToDictionary(row => row.AssetId.ToString());
        var missing = documentAssets.Where(asset => !byId.ContainsKey(asset.RemoteKey)).Select(asset => asset.Key).ToList();
        if (includeAssets && missing.Count > 0)
        {
            throw ProjectFileErrors.AssetsMissing(missing);
        }
        return documentAssets.Select(asset => byId.TryGetValue(asset.RemoteKey, out var row)
            ? new ManifestAsset(asset.Key, asset.RemoteKey, row.FileName, row.MediaType, row.SizeBytes, row.Sha256,
                includeAssets ? ProjectFileLayout.AssetEntry(row.Sha256, row.FileName) : null)
            : new ManifestAsset(asset.Key, asset.RemoteKey, asset.FileName, asset.MediaType, 0, null, null)).ToList();
    }

    /// <summary>The zip: manifest, editor state, then each included content once (stored: media does not compress).</summary>
    private async Task WriteAsync(Stream output, ProjectRow project, IReadOnlyList<ManifestAsset> manifestAssets, CancellationToken cancellationToken)
    {
        var state = Encoding.UTF8.GetBytes(project.EditorStateJson!);
        var manifest = new ProjectFileManifest(ProjectFileLayout.FormatVersion, clock.GetUtcNow(),
            new ManifestProject(project.ProjectId.ToString(), project.Version, project.Title, project.Description, project.FolderId),
            new ManifestEntry(ProjectFileLayout.EditorStateEntry, state.Length, Convert.ToHexStringLower(SHA256.HashData(state))),
            manifestAssets);
        await using var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);
        await WriteEntryAsync(zip, ProjectFileLayout.ManifestEntry, manifest.ToUtf8(), cancellationToken).ConfigureAwait(false);
        await WriteEntryAsync(zip, ProjectFileLayout.EditorStateEntry, state, cancellationToken).ConfigureAwait(false);
        foreach (var asset in manifestAssets.Where(asset => asset.Entry is not null).DistinctBy(asset => asset.Entry))
        {
            await using var content = new FileStream(files.PathOf(asset.Sha256!), FileMode.Open, FileAccess.Read, FileShare.Read, 0, FileOptions.Asynchronous);
            await using var entry = await zip.CreateEntry(asset.Entry!, CompressionLevel.NoCompression).OpenAsync(cancellationToken).ConfigureAwait(false);
            await content.CopyToAsync(entry, cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task WriteEntryAsync(ZipArchive zip, string name, byte[] bytes, CancellationToken cancellationToken)
    {
        await using var entry = await zip.CreateEntry(name, CompressionLevel.Optimal).OpenAsync(cancellationToken).ConfigureAwait(false);
        await entry.WriteAsync(bytes, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The title with characters file systems refuse replaced by '-', at most 100 characters; "project" when nothing is left.</summary>
    private static string SafeFileName(string title)
    {
        var safe = new string(title.Select(c => char.IsControl(c) || "<>:\"/\\|?*".Contains(c) ? '-' : c).ToArray()).Trim().TrimEnd('.');
        safe = safe.Length <= 100 ? safe : safe[..100].TrimEnd();
        return safe.Length == 0 ? "project" : safe;
    }

    private static string Text(JsonNode? node) => node is JsonValue value && value.TryGetValue<string>(out var text) ? text : "";
}
