namespace GrpcExports.Rendering.Timeline;

/// <summary>The editor state lacks something the renderer cannot do without; <see cref="Path"/> is a JSON Pointer to it.</summary>
public sealed class EditorStateFormatException(string path, string message)
    : FormatException($"{(path.Length == 0 ? "/" : path)}: {message}")
{
    public string Path { get; } = path;
}
