using System.Globalization;
using GrpcExports.Protocol.V1;

namespace GrpcExports.Server.Projects.AssetCheck;

/// <summary>
/// Whether a found asset's probed facts fit how items use it: a video item needs a video, an audio item needs a sound
/// stream, an image or gif item needs a picture, and a clip must not play past the end of its source.
/// </summary>
internal static class AssetFit
{
    /// <summary>
    /// How far a clip may reach past the probed end of its source before it counts as too long: containers round
    /// durations, and the renderer holds the last frame over such a sliver anyway.
    /// </summary>
    private const double EndToleranceSeconds = 0.05;

    public static IEnumerable<AssetUseProblem> Problems(AssetKind kind, MediaInfo media, IEnumerable<AssetUse> uses)
    {
        foreach (var use in uses)
        {
            if (Problem(kind, media, use) is { } message)
            {
                yield return new AssetUseProblem { ItemId = use.ItemId, Message = message };
            }
        }
    }

    private static string? Problem(AssetKind kind, MediaInfo media, AssetUse use)
    {
        var what = Describe(kind, media);
        switch (use.ItemType)
        {
            case "video" when kind != AssetKind.Video:
                return $"item {use.ItemId} is a video item but its asset is {what}";
            case "audio" when !media.HasAudio:
                return $"item {use.ItemId} is an audio item but its asset, {what}, has no audio stream";
            case "image" or "gif" when kind is not (AssetKind.Image or AssetKind.Gif):
                return $"item {use.ItemId} is an {use.ItemType} item but its asset is {what}";
            case "video" or "audio":
                var length = media.Duration?.ToTimeSpan().TotalSeconds ?? 0;
                return use.SourceEndSeconds > length + EndToleranceSeconds
                    ? $"item {use.ItemId} plays the source from {Seconds(use.SourceStartSeconds)} s to {Seconds(use.SourceEndSeconds)} s but the {(kind == AssetKind.Video ? "video" : "audio")} lasts {Seconds(length)} s"
                    : null;
            default:
                return null;
        }
    }

    private static string Describe(AssetKind kind, MediaInfo media) => kind switch
    {
        AssetKind.Image => "an image",
        AssetKind.Gif => "an animated GIF",
        AssetKind.Audio => "an audio file",
        AssetKind.Video => media.HasAudio ? "a video" : "a video without sound",
        _ => "not media",
    };

    private static string Seconds(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);
}
