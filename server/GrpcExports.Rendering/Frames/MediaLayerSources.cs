using GrpcExports.Rendering.Assets;
using GrpcExports.Rendering.Gifs;
using GrpcExports.Rendering.Text;
using GrpcExports.Rendering.Timeline;
using GrpcExports.Rendering.Tools;

namespace GrpcExports.Rendering.Frames;

/// <summary>The layer sources of one export: solids, images, gifs, text and captions, sharing one ImageMagick runner.</summary>
public static class MediaLayerSources
{
    public static IReadOnlyList<ILayerSources> For(EditorTimeline timeline, IAssetResolver resolver, ImageMagickRaster magick,
        FontResolver? fonts = null)
    {
        var text = new TextRasterizer(magick, fonts ?? new FontResolver());
        return
        [
            new SolidLayerSources(),
            new ImageLayerSources(timeline, resolver, new ImagePreparer(magick)),
            new GifLayerSources(timeline, resolver, new GifDecoder(magick)),
            new TextLayerSources(text),
            new CaptionLayerSources(timeline, text),
        ];
    }
}
