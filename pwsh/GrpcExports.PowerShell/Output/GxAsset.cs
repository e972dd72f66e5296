namespace GrpcExports.PowerShell.Output;

/// <summary>An uploaded media file as Add-GxAsset and Get-GxAsset return it. Put its Id in an editor state's assets[*].remoteKey.</summary>
public sealed class GxAsset
{
    internal GxAsset(string id, string fileName, string mediaType, string kind, long sizeBytes, string sha256, string projectId,
        DateTime? createTime, GxMediaInfo media, bool contentDeduplicated)
    {
        Id = id;
        FileName = fileName;
        MediaType = mediaType;
        Kind = kind;
        SizeBytes = sizeBytes;
        Sha256 = sha256;
        ProjectId = projectId;
        CreateTime = createTime;
        Media = media;
        ContentDeduplicated = contentDeduplicated;
    }

    public string Id { get; }

    public string FileName { get; }

    public string MediaType { get; }

    /// <summary>Image, Video, Audio, Gif, Font, Caption or Other, as the server probed it.</summary>
    public string Kind { get; }

    public long SizeBytes { get; }

    public string Sha256 { get; }

    /// <summary>The project it was uploaded for; empty when none.</summary>
    public string ProjectId { get; }

    public DateTime? CreateTime { get; }

    public GxMediaInfo Media { get; }

    /// <summary>True (from Add-GxAsset only) when the same bytes were stored already, so none were kept twice.</summary>
    public bool ContentDeduplicated { get; }
}

/// <summary>What the server measured from the file; zero or empty where it does not apply to the kind.</summary>
public sealed record GxMediaInfo(string FormatName, double DurationSeconds, int Width, int Height, double FrameRate, string VideoCodec,
    string AudioCodec, bool HasVideo, bool HasAudio);
