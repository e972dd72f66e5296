using GrpcExports.Protocol.V1;
using GrpcExports.Server.Projects;

namespace GrpcExports.Server.Thumbnails;

/// <summary>What GetProjectThumbnail is asked to draw, checked: width 16..3840 (0 = 320), frame count 0..64, no time with a sheet.</summary>
internal sealed record ThumbnailRequestCheck(int Width, ImageFormat Format, int FrameCount, TimeSpan? Time)
{
    public const int DefaultWidth = 320, MinWidth = 16, MaxWidth = 3840, MaxFrames = 64;

    public bool IsContactSheet => FrameCount >= 2;

    public static ThumbnailRequestCheck From(GetProjectThumbnailRequest request)
    {
        var width = request.Width == 0 ? DefaultWidth : request.Width;
        if (width is < MinWidth or > MaxWidth)
        {
            throw ProjectErrors.InvalidRequest("width", $"A width is {MinWidth}..{MaxWidth} pixels (0 means {DefaultWidth}); it is {request.Width}.");
        }
        if (request.FrameCount is < 0 or > MaxFrames)
        {
            throw ProjectErrors.InvalidRequest("frame_count", $"A frame count is 0..{MaxFrames}; it is {request.FrameCount}.");
        }
        if (!Enum.IsDefined(request.Format))
        {
            throw ProjectErrors.InvalidRequest("format", $"Unknown image format {(int)request.Format}.");
        }
        TimeSpan? time = null;
        if (request.Time is { } duration)
        {
            if (request.FrameCount >= 2)
            {
                throw ProjectErrors.InvalidRequest("time", "A contact sheet spreads its frames over the whole timeline; leave time unset.");
            }
            if (duration.Seconds < 0 || duration.Nanos < 0)
            {
                throw ProjectErrors.InvalidRequest("time", "A time on the timeline is 0 or more.");
            }
            time = duration.ToTimeSpan();
        }
        return new ThumbnailRequestCheck(width, request.Format == ImageFormat.Jpeg ? ImageFormat.Jpeg : ImageFormat.Png, request.FrameCount, time);
    }
}
