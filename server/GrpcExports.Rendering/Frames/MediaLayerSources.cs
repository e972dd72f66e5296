using GrpcExports.Rendering.Assets;
using GrpcExports.Rendering.Text;
using GrpcExports.Rendering.Timeline;
using GrpcExports.Rendering.Tools;

namespace GrpcExports.Rendering.Frames;

/// <summary>The layer sources of one export: solids, images and text, sharing one ImageMagick runner.</summary>
public static class MediaLayerSources
{
    public static IReadOnlyList<ILayerSources> For(EditorTimeline timeline, IAssetResolver resolver, ImageMagickRaster magick,
        FontResolver? fonts = null) =>
    [
        new SolidLayerSources(),
        new ImageLayerSources(timeline, resolver, new ImagePreparer(magick)),
        new TextLayerSources(new TextRasterizer(magick, fonts ?? new FontResolver())),
    ];
}
