namespace GrpcExports.Rendering.Tools;

/// <summary>
/// What one bounded run of a tool may use: the wall-clock time before it is killed, its address space, and the
/// environment it gets on top of ours (ImageMagick's policy directory).
/// </summary>
internal sealed record ProcessBounds(TimeSpan Timeout, long MemoryBytes, IReadOnlyDictionary<string, string> Environment);
