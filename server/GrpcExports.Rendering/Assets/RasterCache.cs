using GrpcExports.Rendering.Compositing;

namespace GrpcExports.Rendering.Assets;

/// <summary>Prepared pictures of one export (stills, rasterised text), by key.</summary>
public sealed class RasterCache<TKey> : PreparedCache<TKey, RasterImage> where TKey : notnull;
