using System.Text.Json;

namespace GrpcExports.Server.ProjectFiles;

/// <summary>
/// <c>manifest.json</c>: the format version, where the file came from, the editor state entry with its size and
/// SHA-256, and every asset the document references (by its key in the document's <c>assets</c>) with the content's
/// size and SHA-256, and the archive entry holding its bytes when they are included.
/// </summary>
internal sealed record ProjectFileManifest(int FormatVersion, DateTimeOffset CreateTime, ManifestProject Project, ManifestEntry EditorState,
    IReadOnlyList<ManifestAsset> Assets)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
    };

    public byte[] ToUtf8() => JsonSerializer.SerializeToUtf8Bytes(this, Json);

    /// <summary>The manifest, or null with the reason when it is not JSON of this shape.</summary>
    public static ProjectFileManifest? Read(ReadOnlySpan<byte> utf8, out string? problem)
    {
        try
        {
            problem = null;
            return JsonSerializer.Deserialize<ProjectFileManifest>(utf8, Json);
        }
        catch (JsonException error)
        {
            problem = error.Message;
            return null;
        }
    }

    /// <summary>The <c>formatVersion</c> of a manifest, read before the rest so that a newer format is named as such.</summary>
    public static int? FormatVersionOf(ReadOnlySpan<byte> utf8)
    {
        try
        {
            var reader = new Utf8JsonReader(utf8);
            using var document = JsonDocument.ParseValue(ref reader);
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("formatVersion", out var version)
                && version.ValueKind == JsonValueKind.Number && version.TryGetInt32(out var number)
                ? number
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

/// <summary>The project a file was written from (informational: an import makes a new project).</summary>
internal sealed record ManifestProject(string Id, long Version, string Title, string Description, string FolderId);

/// <summary>An archive entry with its uncompressed size and SHA-256.</summary>
internal sealed record ManifestEntry(string Entry, long SizeBytes, string Sha256);

/// <summary>
/// An asset of the document: <paramref name="Key"/> is its key in the document's <c>assets</c>, <paramref name="AssetId"/>
/// the uploaded asset its <c>remoteKey</c> named. <paramref name="Sha256"/> is null when the asset could not be found
/// when the file was written; <paramref name="Entry"/> is null when its bytes are not included.
/// </summary>
internal sealed record ManifestAsset(string Key, string AssetId, string FileName, string MediaType, long SizeBytes, string? Sha256, string? Entry);
