using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using GrpcExports.Protocol.V1;
using GrpcExports.Rendering.Assets;
using GrpcExports.Rendering.Frames;
using GrpcExports.Rendering.Stills;
using GrpcExports.Rendering.Timeline;
using GrpcExports.Rendering.Tools;
using GrpcExports.Rendering.Video;
using GrpcExports.Server.Assets.Resolving;
using GrpcExports.Server.Errors;
using GrpcExports.Server.Projects;
using GrpcExports.Server.Projects.Storage;

namespace GrpcExports.Server.Thumbnails;

/// <summary>
/// GetProjectThumbnail: one frame of a project version (or a contact sheet of several) drawn by the still renderer at
/// the requested width, with the document's uploaded assets, as PNG or JPEG, served from <see cref="ThumbnailCache"/>
/// when it was drawn before.
/// </summary>
internal sealed class ProjectThumbnails(ProjectStore projects, DocumentAssets assets, ThumbnailCache cache, MediaTools tools)
{
    public async Task<GetProjectThumbnailResponse> GetAsync(GetProjectThumbnailRequest request, string ownerId, CancellationToken cancellationToken)
    {
        var check = ThumbnailRequestCheck.From(request);
        var project = await ProjectVersions.ReadAsync(projects, request.ProjectId, request.Version, ownerId, cancellationToken).ConfigureAwait(false);
        var stateJson = project.EditorStateJson!;
        EditorTimeline timeline;
        try
        {
            timeline = EditorStateReader.Parse(stateJson);
        }
        catch (EditorStateFormatException unreadable)
        {
            throw ProjectErrors.InvalidRequest("version", $"Version {project.Version} cannot be drawn: {unreadable.Message}");
        }
        var frames = ThumbnailFrames.Choose(timeline, check);
        var layout = ThumbnailLayout.Of(timeline, check);
        var key = ThumbnailCache.Key(stateJson, frames, check.Width, check.Format);
        var image = await cache.ReadAsync(key, check.Format, cancellationToken).ConfigureAwait(false)
            ?? await RenderAsync(timeline, frames, layout, check, key, ownerId, cancellationToken).ConfigureAwait(false);
        var clock = timeline.ClockAt(ThumbnailFrames.Rate);
        return new GetProjectThumbnailResponse
        {
            Image = ByteString.CopyFrom(image),
            ContentType = check.Format == ImageFormat.Jpeg ? "image/jpeg" : "image/png",
            Width = layout.Width,
            Height = layout.Height,
            ProjectVersion = project.Version,
            FrameTimes = { frames.Select(frame => Duration.FromTimeSpan(TimeSpan.FromTicks((long)((Int128)clock.FrameTick(frame) * TimeSpan.TicksPerSecond / timeline.TicksPerSecond)))) },
        };
    }

    private async Task<byte[]> RenderAsync(EditorTimeline timeline, IReadOnlyList<long> frames, ThumbnailLayout layout, ThumbnailRequestCheck check,
        string key, string ownerId, CancellationToken cancellationToken)
    {
        var resolver = await assets.ResolverAsync(timeline, ownerId, cancellationToken).ConfigureAwait(false);
        var scratch = cache.Scratch();
        try
        {
            using var videos = new VideoLayerSources(timeline, resolver, tools, ThumbnailFrames.Rate, cancellationToken);
            var renderer = new StillRenderer(tools, sources: [.. MediaLayerSources.For(timeline, resolver, new ImageMagickRaster(tools)), videos]);
            var png = Path.Combine(scratch.FullName, "thumbnail.png");
            if (check.IsContactSheet)
            {
                await new ContactSheet(renderer, tools).RenderAsync(timeline, ThumbnailFrames.Rate, frames.Count, layout.Columns, layout.TileWidth, png,
                    cancellationToken).ConfigureAwait(false);
            }
            else
            {
                var viewport = Viewport.Fit(timeline.CompositionWidth, timeline.CompositionHeight, layout.Width, layout.Height, Color.Black);
                await renderer.RenderPngAsync(timeline, ThumbnailFrames.Rate, frames[0], png, viewport, cancellationToken).ConfigureAwait(false);
            }
            var output = check.Format == ImageFormat.Jpeg ? await JpegAsync(png, cancellationToken).ConfigureAwait(false) : png;
            var bytes = await File.ReadAllBytesAsync(output, cancellationToken).ConfigureAwait(false);
            cache.Keep(output, key, check.Format);
            return bytes;
        }
        catch (AssetUnavailableException missing)
        {
            throw MissingAssets.Error("The thumbnail", [missing.AssetId], missing.Message);
        }
        finally
        {
            scratch.Delete(recursive: true);
        }
    }

    /// <summary>The PNG as a JPEG of quality 85 beside it, transparent parts over black.</summary>
    private async Task<string> JpegAsync(string png, CancellationToken cancellationToken)
    {
        var jpeg = Path.ChangeExtension(png, ".jpg");
        await tools.RunAsync(MediaTool.ImageMagickConvert, [$"png:{png}", "-background", "black", "-flatten", "-quality", "85", $"jpg:{jpeg}"],
            cancellationToken: cancellationToken).ConfigureAwait(false);
        return jpeg;
    }
}
