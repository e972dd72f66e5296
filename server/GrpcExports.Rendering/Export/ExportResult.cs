using GrpcExports.Rendering.Timeline;

namespace GrpcExports.Rendering.Export;

/// <summary>A finished export: where it is, its size, rate and length, whether it has sound, and the ids of items
/// (or <c>globalBackground</c>) the renderer could not draw and left out.</summary>
public sealed record ExportResult(string OutputPath, int Width, int Height, FrameRate Rate, long FrameCount, bool HasAudio,
    IReadOnlyList<string> Skipped);
