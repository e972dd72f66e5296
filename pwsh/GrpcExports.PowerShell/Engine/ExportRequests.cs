namespace GrpcExports.PowerShell.Engine;

/// <summary>
/// How to render, in the module's spelling ("mp4", "1080", "16:9", "draft"); null or 0 leaves a field to the server's
/// default. At most one watermark source is set.
/// </summary>
internal sealed record ExportSettings
{
    public int Fps { get; init; }

    /// <summary>"16:9", "9:16", "1:1", "4:3", "3:4" or "custom".</summary>
    public string? Ratio { get; init; }

    public int CustomWidth { get; init; }

    public int CustomHeight { get; init; }

    public double Scale { get; init; }

    /// <summary>"4k", "1080", "720" or "480".</summary>
    public string? Resolution { get; init; }

    /// <summary>"mp4" or "webm".</summary>
    public string? Format { get; init; }

    /// <summary>"draft", "standard" or "high".</summary>
    public string? Quality { get; init; }

    /// <summary>"#RRGGBB".</summary>
    public string? LetterboxColor { get; init; }

    public string? WatermarkAssetId { get; init; }

    public string? WatermarkMediaPath { get; init; }

    public string? WatermarkUrl { get; init; }

    public double? WatermarkPositionX { get; init; }

    public double? WatermarkPositionY { get; init; }

    public double WatermarkScale { get; init; }

    public double? WatermarkOpacity { get; init; }

    public bool SkipUnsupportedItems { get; init; }
}

/// <summary>
/// CreateExport's input: a saved project (at <see cref="ProjectVersion"/>, 0 for the latest) or an editor state sent
/// along, never both.
/// </summary>
internal sealed record NewExport(string? ProjectId, long ProjectVersion, string? EditorStateJson, ExportSettings Settings,
    string? Name, string? ClientTaskId, string? WebhookUrl);

/// <summary>ListExports' filters; null or empty means no filter. Statuses are Queued, Rendering, Succeeded, Failed, Cancelled.</summary>
internal sealed record ExportFilter(string? ProjectId, string? FolderId, IReadOnlyList<string> Statuses, DateTime? CreatedAfter,
    DateTime? CreatedBefore, string? ClientTaskId);

/// <summary>ListAssets' filters; null means no filter. Kinds are Image, Video, Audio, Gif, Font, Caption, Other.</summary>
internal sealed record AssetFilter(string? ProjectId, string? Kind);

/// <summary>UploadAsset's input: the file to read and what to tell the server about it.</summary>
internal sealed record NewAsset(string FilePath, string FileName, string? MediaType, string? ProjectId);

/// <summary>
/// One step of an upload or download, handed to the pipeline thread: bytes moved so far out of the total, and, on the
/// last step only, the result.
/// </summary>
internal sealed record TransferStep<T>(long BytesDone, long BytesTotal, T? Result) where T : class;
